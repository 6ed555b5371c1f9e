import { routeSchemas } from '../../shared/api/route-schemas';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import {
  createSubscription,
  publicSubscription,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = outboundWebhookDepsFromEnv();

export const handler = apiHandler(routeSchemas.CreateWebhookSubscription, async ({ auth, body }) => {
  const record = await createSubscription(deps, auth.workspaceId, body);
  return {
    statusCode: 201,
    body: publicSubscription(record, true),
    headers: { etag: etagOf(record.version) },
  };
});
