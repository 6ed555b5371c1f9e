import type * as z from 'zod/mini';
import {
  defaultAbandonAfterHours,
  type ShopConnection,
  ShopConnectionInput,
  ShopConnectionPatch,
  type ShopProvider,
} from '../../../shared/shops/shop-connection';
import { formErrorsOf } from '../records/form-errors';

export const providerLabels: Record<ShopProvider, string> = {
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  shop: 'Other shop (signed JSON)',
};

/** The webhook topics to subscribe in each shop's admin (docs/webhooks.md). */
export const providerTopics: Record<ShopProvider, readonly string[]> = {
  shopify: ['orders/create', 'customers/create', 'checkouts/create', 'checkouts/update'],
  woocommerce: ['Order created', 'Customer created'],
  shop: ['order.created', 'customer.created', 'checkout.updated'],
};

export interface ShopConnectionFormValues {
  provider: ShopProvider;
  name: string;
  /** Shopify: the app's client secret (required); others: empty makes one. On edit: a new secret or empty. */
  secret: string;
  /** '' while the number input is empty. */
  abandonAfterHours: number | string;
}

export function shopConnectionFormValues(connection?: ShopConnection): ShopConnectionFormValues {
  return {
    provider: connection?.provider ?? 'shopify',
    name: connection?.name ?? '',
    secret: '',
    abandonAfterHours: connection?.abandonAfterHours ?? defaultAbandonAfterHours,
  };
}

/** A number as typed; text that is no number stays text so the schema names the problem. */
function hoursOf(value: number | string): number | string | undefined {
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (text === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

export function shopConnectionInputOf(values: ShopConnectionFormValues): z.input<typeof ShopConnectionInput> {
  const secret = values.secret.trim();
  const hours = hoursOf(values.abandonAfterHours);
  return {
    provider: values.provider,
    name: values.name.trim(),
    ...(secret ? { secret } : {}),
    ...(hours === undefined ? {} : { abandonAfterHours: hours as number }),
  };
}

/** A change: the name and hours when they differ, a secret only when one was typed. */
export function shopConnectionPatchOf(
  connection: ShopConnection,
  values: ShopConnectionFormValues,
): z.input<typeof ShopConnectionPatch> {
  const patch: z.input<typeof ShopConnectionPatch> = {};
  const name = values.name.trim();
  if (name !== connection.name) patch.name = name;
  const hours = hoursOf(values.abandonAfterHours);
  if (hours !== undefined && hours !== connection.abandonAfterHours)
    patch.abandonAfterHours = hours as number;
  const secret = values.secret.trim();
  if (secret) patch.secret = secret;
  return patch;
}

export const isShopConnectionPath = (path: string) =>
  ['provider', 'name', 'secret', 'abandonAfterHours'].includes(path);

/** The API's own checks; an emptied hours box is refused here, as the API would keep the old value. */
export function shopConnectionFormErrors(
  values: ShopConnectionFormValues,
  connection?: ShopConnection,
): Record<string, string> {
  const hoursMissing: Record<string, string> =
    hoursOf(values.abandonAfterHours) === undefined ? { abandonAfterHours: 'Give a number of hours.' } : {};
  const body = connection ? shopConnectionPatchOf(connection, values) : shopConnectionInputOf(values);
  if (connection && Object.keys(body).length === 0) return hoursMissing;
  const result = (connection ? ShopConnectionPatch : ShopConnectionInput).safeParse(body);
  return {
    ...hoursMissing,
    ...(result.success ? {} : formErrorsOf(result.error, undefined, isShopConnectionPath)),
  };
}
