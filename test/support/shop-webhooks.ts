import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedSignatureHeader } from '../../shared/shops/generic-shop-webhook';

/** The reference payloads in test/fixtures, byte for byte (signatures are over these exact bytes). */
const fixturesDir = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (path: string): Buffer => readFileSync(join(fixturesDir, path));

export const shopifyTestSecret = 'test-client-secret-not-real';
export const wooTestSecret = 'test-webhook-secret-not-real';

export const base64Hmac = (secret: string, body: Buffer | string) =>
  createHmac('sha256', secret).update(body).digest('base64');

/** The headers a Shopify delivery of `body` carries. */
export function shopifyHeaders(body: Buffer | string, topic: string, secret: string, webhookId: string) {
  return {
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-hmac-sha256': base64Hmac(secret, body),
    'x-shopify-shop-domain': 'crm-demo-shop.myshopify.com',
    'x-shopify-api-version': '2025-07',
    'x-shopify-webhook-id': webhookId,
  };
}

export function wooHeaders(
  body: Buffer | string,
  topic: string,
  secret: string,
  deliveryId = 'e85ad7e038e2d8208318713a60187816',
) {
  return {
    'content-type': 'application/json',
    'user-agent': 'WooCommerce/9.8.5 Hookshot (WordPress/6.8.1)',
    'x-wc-webhook-source': 'https://shop.example.com/',
    'x-wc-webhook-topic': topic,
    'x-wc-webhook-signature': base64Hmac(secret, body),
    'x-wc-webhook-id': '17',
    'x-wc-webhook-delivery-id': deliveryId,
  };
}

export function seedHeaders(
  body: Buffer | string,
  topic: string,
  secret: string,
  deliveryId: string,
  now = new Date(),
) {
  return {
    'content-type': 'application/json',
    'x-seed-topic': topic,
    'x-seed-delivery-id': deliveryId,
    'x-seed-signature': seedSignatureHeader(secret, {
      timestamp: Math.floor(now.getTime() / 1000),
      deliveryId,
      topic,
      body,
    }),
  };
}

/** A Shopify orders/create body for `email`, derived from the reference order with its own id and amount. */
export function shopifyOrderBody(options: {
  id: number;
  email: string;
  total?: string;
  createdAt?: string;
  checkoutToken?: string;
}): string {
  const order = JSON.parse(fixture('shopify/orders-create.body').toString('utf8')) as Record<string, unknown>;
  return JSON.stringify({
    ...order,
    id: options.id,
    name: `#${options.id}`,
    email: options.email,
    contact_email: options.email,
    total_price: options.total ?? order.total_price,
    created_at: options.createdAt ?? order.created_at,
    processed_at: options.createdAt ?? order.processed_at,
    checkout_token: options.checkoutToken ?? null,
    customer: { ...(order.customer as object), email: options.email },
  });
}

/** A Shopify checkouts/update body for `email`, derived from the reference checkout with its own token and time. */
export function shopifyCheckoutBody(options: {
  token: string;
  email: string;
  updatedAt: string;
  recoveryUrl?: string | null;
}): string {
  const checkout = JSON.parse(fixture('shopify/checkouts-create.body').toString('utf8')) as Record<
    string,
    unknown
  >;
  return JSON.stringify({
    ...checkout,
    token: options.token,
    email: options.email,
    updated_at: options.updatedAt,
    abandoned_checkout_url:
      options.recoveryUrl === undefined ? checkout.abandoned_checkout_url : options.recoveryUrl,
    customer: { ...(checkout.customer as object), email: options.email },
  });
}
