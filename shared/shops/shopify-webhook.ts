import * as z from 'zod/mini';
import { formatMinorUnits, normalizeAmount, toMinorUnits } from '../orders/money';
import { CurrencyCode, type LineItem } from '../orders/order';
import type { RawWebhook } from '../webhooks/receive-webhook';
import { decodeBase64Header, matchesAnySecret } from '../webhooks/signatures';
import { MalformedWebhookError, WebhookSignatureError } from '../webhooks/webhook-errors';
import { present, type ShopCustomer, type ShopEvent, utcTimestamp } from './shop-event';
import { ShopId, ShopMoney, ShopText } from './shop-payload-fields';
import {
  cappedLines,
  headerOf,
  parseJsonBody,
  parsePayload,
  type ShopWebhookProvider,
} from './shop-webhook-provider';

/**
 * Shopify webhooks (REST payloads over HTTPS): https://shopify.dev/docs/apps/build/webhooks.
 * Header names are matched case-insensitively (HTTP/2 lower-cases them).
 */
export const shopifyHeaders = {
  topic: 'x-shopify-topic',
  hmac: 'x-shopify-hmac-sha256',
  webhookId: 'x-shopify-webhook-id',
  shopDomain: 'x-shopify-shop-domain',
  apiVersion: 'x-shopify-api-version',
} as const;

export const shopifyTopics = [
  'orders/create',
  'customers/create',
  'checkouts/create',
  'checkouts/update',
] as const;

const ShopifyPerson = z.looseObject({
  email: ShopText,
  first_name: ShopText,
  last_name: ShopText,
  phone: ShopText,
});

const ShopifyLineItem = z.looseObject({
  name: ShopText,
  title: ShopText,
  sku: ShopText,
  product_id: z.nullish(ShopId),
  quantity: z.int().check(z.nonnegative()),
  price: z.nullish(ShopMoney),
  /** Checkouts give the line's price in all. */
  line_price: z.nullish(ShopMoney),
  total_discount: z.nullish(ShopMoney),
});

export const ShopifyOrder = z.looseObject({
  id: ShopId,
  name: ShopText,
  email: ShopText,
  contact_email: ShopText,
  created_at: z.string(),
  processed_at: ShopText,
  currency: CurrencyCode,
  total_price: ShopMoney,
  subtotal_price: z.nullish(ShopMoney),
  total_tax: z.nullish(ShopMoney),
  total_discounts: z.nullish(ShopMoney),
  total_shipping_price_set: z.nullish(z.looseObject({ shop_money: z.looseObject({ amount: ShopMoney }) })),
  financial_status: ShopText,
  checkout_token: ShopText,
  customer: z.nullish(ShopifyPerson),
  billing_address: z.nullish(ShopifyPerson),
  line_items: z.array(ShopifyLineItem),
});

export const ShopifyCustomer = z.extend(ShopifyPerson, { id: ShopId });

export const ShopifyCheckout = z.looseObject({
  token: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: ShopText,
  created_at: ShopText,
  updated_at: z.string(),
  completed_at: ShopText,
  currency: CurrencyCode,
  total_price: ShopMoney,
  abandoned_checkout_url: ShopText,
  customer: z.nullish(ShopifyPerson),
  billing_address: z.nullish(ShopifyPerson),
  line_items: z.array(ShopifyLineItem),
});

const timestamp = (value: string | null | undefined, field: string): string => {
  const utc = utcTimestamp(value);
  if (!utc) throw new MalformedWebhookError(`${field} is not a timestamp`, { [field]: 'Not a timestamp.' });
  return utc;
};

function customerOf(
  email: string | null | undefined,
  ...people: Array<z.output<typeof ShopifyPerson> | null | undefined>
): ShopCustomer {
  const pick = (field: 'first_name' | 'last_name' | 'phone') =>
    people.map((person) => present(person?.[field])).find(Boolean);
  return {
    email: present(email) ?? people.map((person) => present(person?.email)).find(Boolean),
    firstName: pick('first_name'),
    lastName: pick('last_name'),
    phone: present(people[0]?.phone),
  };
}

function linesOf(lines: z.output<typeof ShopifyLineItem>[], currency: string): LineItem[] {
  return lines.map((line) => {
    const unit = line.price ?? undefined;
    const total =
      line.line_price ??
      formatMinorUnits(
        toMinorUnits(String(unit ?? 0), currency) * line.quantity -
          toMinorUnits(String(line.total_discount ?? 0), currency),
        currency,
      );
    return {
      name: present(line.name) ?? present(line.title) ?? '(unnamed item)',
      ...(present(line.sku) ? { sku: present(line.sku) } : {}),
      ...(line.product_id ? { productId: line.product_id } : {}),
      quantity: line.quantity,
      ...(unit !== undefined && unit !== null ? { unitPrice: normalizeAmount(unit, currency) } : {}),
      total: normalizeAmount(total, currency),
    };
  });
}

/** `orders/create`, `customers/create`, `checkouts/create|update` mapped onto the CRM's terms. */
export function shopifyEventOf(topic: string, body: Buffer): ShopEvent {
  const json = parseJsonBody(body);
  switch (topic) {
    case 'orders/create': {
      const order = parsePayload(ShopifyOrder, json, 'Shopify order');
      const currency = order.currency;
      const amount = (value: string | number | null | undefined) =>
        value === null || value === undefined ? undefined : normalizeAmount(value, currency);
      return {
        kind: 'order',
        customer: customerOf(order.email ?? order.contact_email, order.customer, order.billing_address),
        order: {
          externalId: order.id,
          ...(present(order.name) ? { number: present(order.name) } : {}),
          placedAt: timestamp(order.processed_at ?? order.created_at, 'created_at'),
          currency,
          total: normalizeAmount(order.total_price, currency),
          ...(amount(order.subtotal_price) ? { subtotal: amount(order.subtotal_price) } : {}),
          ...(amount(order.total_tax) ? { tax: amount(order.total_tax) } : {}),
          ...(order.total_shipping_price_set
            ? { shipping: amount(order.total_shipping_price_set.shop_money.amount) }
            : {}),
          ...(amount(order.total_discounts) ? { discount: amount(order.total_discounts) } : {}),
          ...(present(order.financial_status) ? { status: present(order.financial_status) } : {}),
          ...(present(order.checkout_token) ? { checkoutToken: present(order.checkout_token) } : {}),
          ...cappedLines(linesOf(order.line_items, currency)),
        },
      };
    }
    case 'customers/create': {
      const customer = parsePayload(ShopifyCustomer, json, 'Shopify customer');
      return { kind: 'customer', customer: customerOf(customer.email, customer) };
    }
    case 'checkouts/create':
    case 'checkouts/update': {
      const checkout = parsePayload(ShopifyCheckout, json, 'Shopify checkout');
      const currency = checkout.currency;
      const completedAt = utcTimestamp(checkout.completed_at);
      return {
        kind: 'checkout',
        customer: customerOf(checkout.email, checkout.customer, checkout.billing_address),
        checkout: {
          token: checkout.token,
          updatedAt: timestamp(checkout.updated_at, 'updated_at'),
          ...(completedAt ? { completedAt } : {}),
          currency,
          total: normalizeAmount(checkout.total_price, currency),
          ...(present(checkout.abandoned_checkout_url)
            ? { recoveryUrl: present(checkout.abandoned_checkout_url)?.slice(0, 2048) }
            : {}),
          ...cappedLines(linesOf(checkout.line_items, currency)),
        },
      };
    }
    default:
      throw new MalformedWebhookError(`Shopify topic ${topic} is not handled`);
  }
}

/** X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(client secret, raw body)), compared in constant time. */
export function verifyShopifySignature(request: RawWebhook, secrets: readonly string[]): void {
  const header = headerOf(request, shopifyHeaders.hmac);
  if (!header) throw new WebhookSignatureError('no X-Shopify-Hmac-Sha256 header');
  if (!matchesAnySecret(decodeBase64Header(header), request.body, secrets))
    throw new WebhookSignatureError('X-Shopify-Hmac-Sha256 does not match');
}

export const shopifyProvider: ShopWebhookProvider = {
  provider: 'shopify',
  verify: (request, secrets) => verifyShopifySignature(request, secrets),
  judge(request) {
    const topic = headerOf(request, shopifyHeaders.topic);
    if (!topic) throw new MalformedWebhookError('no X-Shopify-Topic header');
    if (!(shopifyTopics as readonly string[]).includes(topic))
      return { accept: false, reason: `topic ${topic.slice(0, 100)} is not handled` };
    const deliveryId = headerOf(request, shopifyHeaders.webhookId);
    if (!deliveryId) throw new MalformedWebhookError('no X-Shopify-Webhook-Id header');
    shopifyEventOf(topic, request.body);
    return { accept: true, topic, deliveryId };
  },
  eventOf: shopifyEventOf,
};
