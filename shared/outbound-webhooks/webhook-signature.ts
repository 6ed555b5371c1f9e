import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signing of outbound deliveries (docs/outbound-webhooks.md shows receivers how to verify):
 * `Seed-Webhook-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, the key being the secret
 * exactly as shown (`whsec_...`). While a rotated-out secret is still valid, a second `v1=` follows,
 * separated by a space, so receivers can switch secrets without missing a delivery.
 */
export const webhookHeaders = {
  id: 'Seed-Webhook-Id',
  timestamp: 'Seed-Webhook-Timestamp',
  signature: 'Seed-Webhook-Signature',
} as const;

export const secretPrefix = 'whsec_';

/** How long a receiver should accept a timestamp (replay protection); what the docs recommend. */
export const signatureToleranceSeconds = 5 * 60;

/** 32 random bytes, base64url, prefixed so a leaked secret is recognisable in logs and scanners. */
export function newWebhookSecret(): string {
  return `${secretPrefix}${randomBytes(32).toString('base64url')}`;
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header's value: one `v1=` per secret still in use, the current one first. */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return secrets.map((secret) => `v1=${signWebhook(secret, timestamp, body)}`).join(' ');
}

/**
 * What a receiver does (and what the tests do): the timestamp is recent, and one `v1=` of the header is
 * the HMAC of "<timestamp>.<raw body>" with its secret, compared in constant time.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): boolean {
  const timestamp = Number(input.timestamp);
  if (!input.timestamp || !/^\d+$/.test(input.timestamp) || !input.signature) return false;
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? signatureToleranceSeconds)) return false;
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body), 'hex');
  return input.signature.split(' ').some((part) => {
    if (!part.startsWith('v1=')) return false;
    const given = Buffer.from(part.slice(3), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
