import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import { deleteSubscription } from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteWebhookSubscriptionRoute = implement(
  outboundWebhooksRoutes.DeleteWebhookSubscription,
  async ({ auth, params }) => {
    await deleteSubscription(deps.store, auth.workspaceId, params.subscriptionId);
    return { statusCode: 204 };
  },
);
