import { defineCapability } from '../platform/capability';
import { WebhookReceived } from './webhook-events';
import { webhookPersonalData } from './webhook-personal-data';
import { webhooksErrors } from './webhooks-errors';
import { webhooksKeys } from './webhooks-keys';
import { webhooksRoutes } from './webhooks-routes';

export const webhooksCapability = defineCapability({
  name: 'webhooks',
  description: 'Webhook intake: the inbox of raw deliveries and their replay',
  routes: webhooksRoutes,
  api: {
    handler: 'webhooks/webhooks-api',
    access: {
      table: 'readWrite',
    },
  },
  events: [WebhookReceived],
  errors: webhooksErrors,
  personalData: webhookPersonalData,
  keys: webhooksKeys,
});
