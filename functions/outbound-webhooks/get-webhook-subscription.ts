import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import {
  getSubscriptionRecord,
  publicSubscription,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getWebhookSubscriptionRoute = implement(
  outboundWebhooksRoutes.GetWebhookSubscription,
  async ({ auth, params }) => {
    const record = await getSubscriptionRecord(deps.store, auth.workspaceId, params.subscriptionId);
    return {
      body: publicSubscription(record, auth.roles.includes('admin')),
      headers: { etag: etagOf(record.version) },
    };
  },
);
