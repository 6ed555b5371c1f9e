import * as z from 'zod/mini';
import { normalizeAmount } from '../orders/money';
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
 * WooCommerce webhooks (REST API v3 payloads): `WC_Webhook::deliver()` in woocommerce/woocommerce.
 * The body is PHP's json_encode output (`\/`, `\u00fc` escapes): signatures are checked on those bytes.
 */
export const wooHeaders = {
  topic: 'x-wc-webhook-topic',
  signature: 'x-wc-webhook-signature',
  deliveryId: 'x-wc-webhook-delivery-id',
  webhookId: 'x-wc-webhook-id',
  source: 'x-wc-webhook-source',
} as const;

export const wooTopics = ['order.created', 'customer.created'] as const;

const WooBilling = z.looseObject({
  first_name: ShopText,
  last_name: ShopText,
  email: ShopText,
  phone: ShopText,
});

const WooLineItem = z.looseObject({
  name: ShopText,
  sku: ShopText,
  product_id: z.nullish(ShopId),
  quantity: z.int().check(z.nonnegative()),
  total: ShopMoney,
  /** A JSON number with many decimals (20.925): the net unit price. */
  price: z.nullish(ShopMoney),
});

export const WooOrder = z.looseObject({
  id: ShopId,
  number: ShopText,
  status: ShopText,
  currency: CurrencyCode,
  date_created_gmt: z.string(),
  date_modified_gmt: ShopText,
  total: ShopMoney,
  total_tax: z.nullish(ShopMoney),
  shipping_total: z.nullish(ShopMoney),
  discount_total: z.nullish(ShopMoney),
  billing: z.nullish(WooBilling),
  line_items: z.array(WooLineItem),
});

export const WooCustomer = z.looseObject({
  id: ShopId,
  email: ShopText,
  first_name: ShopText,
  last_name: ShopText,
  date_created_gmt: ShopText,
  date_modified_gmt: ShopText,
  billing: z.nullish(WooBilling),
});

/** `_gmt` fields are UTC without the `Z`. */
function gmt(value: string | null | undefined): string | undefined {
  const text = present(value);
  return text ? utcTimestamp(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`) : undefined;
}

function customerOf(
  person: z.output<typeof WooCustomer> | undefined,
  billing: z.output<typeof WooBilling> | null | undefined,
): ShopCustomer {
  return {
    email: present(person?.email) ?? present(billing?.email),
    firstName: present(person?.first_name) ?? present(billing?.first_name),
    lastName: present(person?.last_name) ?? present(billing?.last_name),
    phone: present(billing?.phone),
  };
}

function linesOf(lines: z.output<typeof WooLineItem>[], currency: string): LineItem[] {
  return lines.map((line) => ({
    name: present(line.name) ?? '(unnamed item)',
    ...(present(line.sku) ? { sku: present(line.sku) } : {}),
    ...(line.product_id && line.product_id !== '0' ? { productId: line.product_id } : {}),
    quantity: line.quantity,
    ...(line.price !== null && line.price !== undefined
      ? { unitPrice: normalizeAmount(line.price, currency) }
      : {}),
    total: normalizeAmount(line.total, currency),
  }));
}

/** Parsed once for the topic; also what makes the delivery id (WooCommerce's changes every attempt). */
function parseWoo(topic: string, body: Buffer) {
  const json = parseJsonBody(body);
  switch (topic) {
    case 'order.created':
      return { kind: 'order' as const, order: parsePayload(WooOrder, json, 'WooCommerce order') };
    case 'customer.created':
      return { kind: 'customer' as const, customer: parsePayload(WooCustomer, json, 'WooCommerce customer') };
    default:
      throw new MalformedWebhookError(`WooCommerce topic ${topic} is not handled`);
  }
}

export function wooEventOf(topic: string, body: Buffer): ShopEvent {
  const parsed = parseWoo(topic, body);
  if (parsed.kind === 'customer')
    return { kind: 'customer', customer: customerOf(parsed.customer, parsed.customer.billing) };
  const { order } = parsed;
  const currency = order.currency;
  const amount = (value: string | number | null | undefined) =>
    value === null || value === undefined ? undefined : normalizeAmount(value, currency);
  const placedAt = gmt(order.date_created_gmt);
  if (!placedAt)
    throw new MalformedWebhookError('date_created_gmt is not a timestamp', {
      date_created_gmt: 'Not a timestamp.',
    });
  return {
    kind: 'order',
    customer: customerOf(undefined, order.billing),
    order: {
      externalId: order.id,
      ...(present(order.number) ? { number: present(order.number) } : {}),
      placedAt,
      currency,
      total: normalizeAmount(order.total, currency),
      ...(amount(order.total_tax) ? { tax: amount(order.total_tax) } : {}),
      ...(amount(order.shipping_total) ? { shipping: amount(order.shipping_total) } : {}),
      ...(amount(order.discount_total) ? { discount: amount(order.discount_total) } : {}),
      ...(present(order.status) ? { status: present(order.status) } : {}),
      ...cappedLines(linesOf(order.line_items, currency)),
    },
  };
}

/**
 * WooCommerce makes a new X-WC-Webhook-Delivery-ID for every attempt (webhook id + the current second),
 * so a redelivery would not collide on it. The resource and its modification time identify the event.
 */
export function wooDeliveryIdOf(topic: string, body: Buffer): string {
  const parsed = parseWoo(topic, body);
  const resource = parsed.kind === 'order' ? parsed.order : parsed.customer;
  return `${topic}:${resource.id}:${resource.date_modified_gmt ?? resource.date_created_gmt ?? ''}`;
}

/** X-WC-Webhook-Signature = base64(HMAC-SHA256(webhook secret, raw body)), compared in constant time. */
export function verifyWooSignature(request: RawWebhook, secrets: readonly string[]): void {
  const header = headerOf(request, wooHeaders.signature);
  if (!header) throw new WebhookSignatureError('no X-WC-Webhook-Signature header');
  if (!matchesAnySecret(decodeBase64Header(header), request.body, secrets))
    throw new WebhookSignatureError('X-WC-Webhook-Signature does not match');
}

export const wooCommerceProvider: ShopWebhookProvider = {
  provider: 'woocommerce',
  /** Saving a webhook posts `webhook_id=<id>` unsigned, without X-WC headers; it must get a 200. */
  isPing: (request) =>
    headerOf(request, wooHeaders.signature) === undefined &&
    headerOf(request, wooHeaders.topic) === undefined &&
    /^webhook_id=\d{1,20}$/.test(request.body.toString('utf8').trim()),
  verify: (request, secrets) => verifyWooSignature(request, secrets),
  judge(request) {
    const topic = headerOf(request, wooHeaders.topic);
    if (!topic) throw new MalformedWebhookError('no X-WC-Webhook-Topic header');
    if (!(wooTopics as readonly string[]).includes(topic))
      return { accept: false, reason: `topic ${topic.slice(0, 100)} is not handled` };
    wooEventOf(topic, request.body);
    return { accept: true, topic, deliveryId: wooDeliveryIdOf(topic, request.body) };
  },
  eventOf: wooEventOf,
};
