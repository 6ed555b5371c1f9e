import type * as z from 'zod/mini';
import { normalizeAmount } from '../orders/money';
import type { RawWebhook } from '../webhooks/receive-webhook';
import { decodeHexHeader, hmacSha256, matchesAnySecret } from '../webhooks/signatures';
import { MalformedWebhookError, WebhookSignatureError } from '../webhooks/webhook-errors';
import { type GenericLineItem, GenericShopWebhook } from './generic-shop-webhook-body';
import type { ShopEvent } from './shop-event';
import { headerOf, parseJsonBody, parsePayload, type ShopWebhookProvider } from './shop-webhook-provider';

/**
 * The signed JSON format for any other shop (docs/webhooks.md). Headers:
 * - `X-Seed-Signature: t=<unix seconds>,v2=<hex HMAC-SHA256 of "<t>\n<delivery id>\n<topic>\n<raw body>">`
 *   (several v2 allowed): the signature covers every header intake acts on, so a captured delivery cannot
 *   come back under a new delivery id (which would pass the inbox's dedupe) or another topic;
 * - `X-Seed-Delivery-Id`: the sender's id of the delivery, the same on every retry;
 * - `X-Seed-Topic`: `order.created`, `customer.created` or `checkout.updated`.
 */
export const genericHeaders = {
  signature: 'x-seed-signature',
  deliveryId: 'x-seed-delivery-id',
  topic: 'x-seed-topic',
} as const;

export const genericTopics = ['order.created', 'customer.created', 'checkout.updated'] as const;
export type GenericTopic = (typeof genericTopics)[number];

/** Signatures older (or further in the future) than this are refused: a captured request cannot be replayed later. */
export const signatureToleranceSeconds = 5 * 60;

const requiredPart: Record<GenericTopic, 'order' | 'customer' | 'checkout'> = {
  'order.created': 'order',
  'customer.created': 'customer',
  'checkout.updated': 'checkout',
};

function isGenericTopic(topic: string): topic is GenericTopic {
  return (genericTopics as readonly string[]).includes(topic);
}

const utc = (value: string) => new Date(value).toISOString();

export function genericEventOf(topic: string, body: Buffer): ShopEvent {
  if (!isGenericTopic(topic)) throw new MalformedWebhookError(`topic ${topic} is not handled`);
  const payload = parsePayload(GenericShopWebhook, parseJsonBody(body), 'generic shop webhook');
  const part = requiredPart[topic];
  if (!payload[part])
    throw new MalformedWebhookError(`${topic} without ${part}`, {
      [part]: `A ${topic} delivery needs ${part}.`,
    });
  const customer = payload.customer ?? {};
  const lines = (items: z.output<typeof GenericLineItem>[], currency: string) =>
    items.map((line) => ({
      ...line,
      ...(line.unitPrice ? { unitPrice: normalizeAmount(line.unitPrice, currency) } : {}),
      total: normalizeAmount(line.total, currency),
    }));
  if (payload.order && topic === 'order.created') {
    const { id, placedAt, checkoutId, lineItems, currency, ...order } = payload.order;
    const amounts = (['subtotal', 'tax', 'shipping', 'discount'] as const).flatMap((name) => {
      const value = order[name];
      return value === undefined ? [] : [[name, normalizeAmount(value, currency)] as const];
    });
    return {
      kind: 'order',
      customer,
      order: {
        ...order,
        externalId: id,
        placedAt: utc(placedAt),
        currency,
        total: normalizeAmount(order.total, currency),
        ...Object.fromEntries(amounts),
        ...(checkoutId ? { checkoutToken: checkoutId } : {}),
        lineItems: lines(lineItems, currency),
        lineItemCount: lineItems.length,
      },
    };
  }
  if (payload.checkout && topic === 'checkout.updated') {
    const { id, updatedAt, completedAt, lineItems, currency, total, recoveryUrl } = payload.checkout;
    return {
      kind: 'checkout',
      customer,
      checkout: {
        token: id,
        updatedAt: utc(updatedAt),
        ...(completedAt ? { completedAt: utc(completedAt) } : {}),
        currency,
        total: normalizeAmount(total, currency),
        ...(recoveryUrl ? { recoveryUrl } : {}),
        lineItems: lines(lineItems, currency),
        lineItemCount: lineItems.length,
      },
    };
  }
  return { kind: 'customer', customer };
}

/** `t=<unix>,v2=<hex>[,v2=<hex>]`; undefined when the header is not of that form. */
export function parseSeedSignature(
  header: string,
): { timestamp: number; signatures: string[]; legacy: boolean } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  let legacy = false;
  for (const part of header.split(',')) {
    const [name, value = ''] = part.trim().split('=', 2) as [string, string?];
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === 'v2') signatures.push(value);
    else if (name === 'v1') legacy = true;
  }
  return timestamp === undefined || (signatures.length === 0 && !legacy)
    ? undefined
    : { timestamp, signatures, legacy };
}

/** What a v2 signature covers, in this order; header values hold no newline, so the fields cannot shift. */
export interface SeedSignedFields {
  timestamp: number;
  deliveryId: string;
  topic: string;
  body: Buffer | string;
}

export function seedSignedMessage(fields: SeedSignedFields): Buffer {
  return Buffer.concat([
    Buffer.from(`${fields.timestamp}\n${fields.deliveryId}\n${fields.topic}\n`),
    Buffer.from(fields.body),
  ]);
}

/** Signs a delivery the way verifyGenericSignature expects (for senders, tests and docs/webhooks.md). */
export function seedSignatureHeader(secret: string, fields: SeedSignedFields): string {
  return `t=${fields.timestamp},v2=${hmacSha256(secret, seedSignedMessage(fields)).toString('hex')}`;
}

export function verifyGenericSignature(request: RawWebhook, secrets: readonly string[], now: Date): void {
  const header = headerOf(request, genericHeaders.signature);
  if (!header) throw new WebhookSignatureError('no X-Seed-Signature header');
  const parsed = parseSeedSignature(header);
  if (!parsed) throw new WebhookSignatureError('X-Seed-Signature is not t=<unix>,v2=<hex>');
  // v1 signed the timestamp and body only: a captured delivery replayed under a new id still matched
  if (parsed.signatures.length === 0)
    throw new WebhookSignatureError('X-Seed-Signature v1 no longer counts: sign with v2 (docs/webhooks.md)');
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > signatureToleranceSeconds)
    throw new WebhookSignatureError('X-Seed-Signature timestamp is more than 5 minutes away');
  const message = seedSignedMessage({
    timestamp: parsed.timestamp,
    // a missing header signs as empty: the signature cannot match, and judging says which one is missing
    deliveryId: headerOf(request, genericHeaders.deliveryId) ?? '',
    topic: headerOf(request, genericHeaders.topic) ?? '',
    body: request.body,
  });
  let matched = false;
  for (const signature of parsed.signatures)
    if (matchesAnySecret(decodeHexHeader(signature), message, secrets)) matched = true;
  if (!matched) throw new WebhookSignatureError('X-Seed-Signature does not match');
}

export const genericShopProvider: ShopWebhookProvider = {
  provider: 'shop',
  verify: verifyGenericSignature,
  judge(request) {
    const topic = headerOf(request, genericHeaders.topic);
    if (!topic || !isGenericTopic(topic))
      throw new MalformedWebhookError('X-Seed-Topic is missing or not one of the documented topics', {
        'X-Seed-Topic': `Send one of ${genericTopics.join(', ')}.`,
      });
    const deliveryId = headerOf(request, genericHeaders.deliveryId);
    if (!deliveryId)
      throw new MalformedWebhookError('no X-Seed-Delivery-Id header', { 'X-Seed-Delivery-Id': 'Required.' });
    genericEventOf(topic, request.body);
    return { accept: true, topic, deliveryId };
  },
  eventOf: genericEventOf,
};
