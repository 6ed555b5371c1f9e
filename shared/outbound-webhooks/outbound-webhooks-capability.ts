import { defineCapability } from '../platform/capability';
import { outboundWebhookPersonalData } from './outbound-webhook-personal-data';
import { outboundWebhooksErrors } from './outbound-webhooks-errors';
import { outboundWebhooksKeys } from './outbound-webhooks-keys';
import { outboundWebhooksRoutes } from './outbound-webhooks-routes';

export const outboundWebhooksCapability = defineCapability({
  name: 'outbound-webhooks',
  description: 'Outbound webhooks: subscriptions, signed deliveries, retries',
  routes: outboundWebhooksRoutes,
  api: {
    handler: 'outbound-webhooks/outbound-webhooks-api',
    access: {
      table: 'readWrite',
    },
    timeoutSeconds: 15,
  },
  background: [
    {
      name: 'DeliverOutboundWebhooks',
      handler: 'outbound-webhooks/deliver-outbound-webhooks',
      description: 'Send each CRM event to the subscriptions that take it (signed), once per subscription',
      trigger: {
        kind: 'event',
        pattern: {
          source: ['crm'],
          'detail-type': [
            {
              'anything-but': {
                prefix: 'webhook.',
              },
            },
          ],
        },
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 30,
    },
    {
      name: 'RetryOutboundWebhookDeliveries',
      handler: 'outbound-webhooks/retry-outbound-webhook-deliveries',
      description: 'Attempt the webhook deliveries whose retry time has come, in every workspace',
      trigger: {
        kind: 'schedule',
        expression: 'rate(1 minute)',
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 60,
    },
  ],
  errors: outboundWebhooksErrors,
  personalData: outboundWebhookPersonalData,
  keys: outboundWebhooksKeys,
});
