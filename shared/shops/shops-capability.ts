import { defineCapability } from '../platform/capability';
import { shopsErrors } from './shops-errors';
import { shopsKeys } from './shops-keys';
import { shopsRoutes } from './shops-routes';

export const shopsCapability = defineCapability({
  name: 'shops',
  description: 'Shop connections and their webhooks (Shopify, WooCommerce, generic)',
  routes: shopsRoutes,
  api: {
    handler: 'shops/shops-api',
    access: {
      table: 'readWrite',
      archive: 'write',
    },
  },
  background: [
    {
      name: 'ProcessShopWebhook',
      handler: 'webhooks/process-shop-webhook',
      description: 'Turn a received shop delivery into a contact, an order or a checkout',
      trigger: {
        kind: 'event',
        pattern: {
          source: ['crm'],
          'detail-type': ['webhook.received'],
          detail: {
            source: ['shopify', 'woocommerce', 'shop'],
          },
        },
      },
      access: {
        table: 'readWrite',
        archive: 'read',
      },
      timeoutSeconds: 30,
    },
  ],
  errors: shopsErrors,
  keys: shopsKeys,
});
