import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import {
  publicSubscription,
  rotateSubscriptionSecret,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const rotateWebhookSubscriptionSecretRoute = implement(
  outboundWebhooksRoutes.RotateWebhookSubscriptionSecret,
  async ({ auth, params }) => {
    const record = await rotateSubscriptionSecret(deps, auth.workspaceId, params.subscriptionId);
    return {
      statusCode: 201,
      body: publicSubscription(record, true),
      headers: { etag: etagOf(record.version) },
    };
  },
);
