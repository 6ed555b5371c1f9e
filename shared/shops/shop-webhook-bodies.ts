import * as z from 'zod/mini';

/**
 * What the OpenAPI document shows for the Shopify and WooCommerce webhook routes. Intake reads these
 * bodies raw (the signature is over the exact bytes) and parses them by topic in shopify-webhook.ts and
 * woocommerce-webhook.ts; these schemas only document the contract (their descriptions are in
 * shared/api/openapi-annotations.ts).
 */
export const ShopifyWebhookBody = z.looseObject({});

export const WooCommerceWebhookBody = z.looseObject({});
