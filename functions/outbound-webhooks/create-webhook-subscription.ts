import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import {
  createSubscription,
  publicSubscription,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = outboundWebhookDepsFromEnv();

export const createWebhookSubscriptionRoute = implement(
  outboundWebhooksRoutes.CreateWebhookSubscription,
  async ({ auth, body }) => {
    const record = await createSubscription(deps, auth.workspaceId, body);
    return {
      statusCode: 201,
      body: publicSubscription(record, true),
      headers: { etag: etagOf(record.version) },
    };
  },
);
