import { outboundWebhooksErrors } from '../../shared/outbound-webhooks/outbound-webhooks-errors';
import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createWebhookSubscriptionRoute } from './create-webhook-subscription';
import { deleteWebhookSubscriptionRoute } from './delete-webhook-subscription';
import { getWebhookSubscriptionRoute } from './get-webhook-subscription';
import { listOutboundWebhookDeliveriesRoute } from './list-outbound-webhook-deliveries';
import { listWebhookSubscriptionsRoute } from './list-webhook-subscriptions';
import { redeliverOutboundWebhookDeliveryRoute } from './redeliver-outbound-webhook-delivery';
import { rotateWebhookSubscriptionSecretRoute } from './rotate-webhook-subscription-secret';
import { sendWebhookTestEventRoute } from './send-webhook-subscription-test';
import { updateWebhookSubscriptionRoute } from './update-webhook-subscription';

/** The outbound-webhooks API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  outboundWebhooksRoutes,
  {
    ListWebhookSubscriptions: listWebhookSubscriptionsRoute,
    CreateWebhookSubscription: createWebhookSubscriptionRoute,
    GetWebhookSubscription: getWebhookSubscriptionRoute,
    UpdateWebhookSubscription: updateWebhookSubscriptionRoute,
    DeleteWebhookSubscription: deleteWebhookSubscriptionRoute,
    RotateWebhookSubscriptionSecret: rotateWebhookSubscriptionSecretRoute,
    SendWebhookTestEvent: sendWebhookTestEventRoute,
    ListOutboundWebhookDeliveries: listOutboundWebhookDeliveriesRoute,
    RedeliverOutboundWebhookDelivery: redeliverOutboundWebhookDeliveryRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [outboundWebhooksErrors] },
);
