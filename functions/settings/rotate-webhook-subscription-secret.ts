import { routeSchemas } from '../../shared/api/route-schemas';
import {
  publicSubscription,
  rotateSubscriptionSecret,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.RotateWebhookSubscriptionSecret, async ({ auth, path }) => {
  const record = await rotateSubscriptionSecret(deps, auth.workspaceId, path.subscriptionId);
  return {
    statusCode: 201,
    body: publicSubscription(record, true),
    headers: { etag: etagOf(record.version) },
  };
});
