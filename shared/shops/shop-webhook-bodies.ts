import * as z from 'zod/mini';

/**
 * What the OpenAPI document shows for the Shopify and WooCommerce webhook routes. Intake reads these
 * bodies raw (the signature is over the exact bytes) and parses them by topic in shopify-webhook.ts and
 * woocommerce-webhook.ts; these schemas only document the contract.
 */
export const ShopifyWebhookBody = z
  .looseObject({})
  .check(
    z.describe(
      'The REST resource of the X-Shopify-Topic (orders/create, customers/create, checkouts/create, ' +
        'checkouts/update), signed by X-Shopify-Hmac-Sha256 and identified by X-Shopify-Webhook-Id.',
    ),
  );

export const WooCommerceWebhookBody = z
  .looseObject({})
  .check(
    z.describe(
      'The REST API v3 resource of the X-WC-Webhook-Topic (order.created, customer.created), signed by ' +
        'X-WC-Webhook-Signature. The unsigned ping sent when a webhook is saved is answered 200.',
    ),
  );
