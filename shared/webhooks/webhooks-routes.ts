import { defineRoutes } from '../platform/capability';
import { admins } from '../platform/roles';
import {
  InboxDelivery,
  InboxDeliveryPage,
  InboxDeliveryPath,
  InboxDeliveryQuery,
  ReplayDeliveryRequest,
} from './inbox-delivery';

/** The routes of webhooks: what each accepts, answers and who may call it. */
export const webhooksRoutes = defineRoutes({
  ListWebhookDeliveries: {
    method: 'GET',
    path: '/api/webhooks/inbox',
    roles: admins,
    summary: 'The delivery log of webhook intake, newest first, by status',
    query: InboxDeliveryQuery,
    response: InboxDeliveryPage,
  },
  ReplayWebhookDelivery: {
    method: 'POST',
    path: '/api/webhooks/inbox/{inboxId}/replay',
    roles: admins,
    summary: 'Queue a received webhook delivery for processing again (after a failure)',
    params: InboxDeliveryPath,
    body: ReplayDeliveryRequest,
    response: InboxDelivery,
    status: 202,
  },
});
