import type { CheckoutData, OrderData } from '../orders/order';

/** The person a shop delivery is about, as far as the shop says. */
export interface ShopCustomer {
  email?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
}

/** What a shop delivery means for the CRM, whatever the shop: the processor acts on this. */
export type ShopEvent =
  | { kind: 'customer'; customer: ShopCustomer }
  | { kind: 'order'; customer: ShopCustomer; order: OrderData }
  | { kind: 'checkout'; customer: ShopCustomer; checkout: CheckoutData };

/** A timestamp with any offset (`2025-05-14T10:22:31+02:00`) as UTC ISO, or undefined if it is none. */
export function utcTimestamp(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Empty strings and nulls are absent values in shop payloads. */
export function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
