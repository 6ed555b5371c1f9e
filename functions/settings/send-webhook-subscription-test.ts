import { routeSchemas } from '../../shared/api/route-schemas';
import { sendTestEvent } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = outboundWebhookDepsFromEnv();

export const handler = apiHandler(routeSchemas.SendWebhookTestEvent, async ({ auth, path }) => {
  const delivery = await sendTestEvent(deps, auth.workspaceId, path.subscriptionId);
  return { statusCode: 201, body: delivery, headers: { etag: etagOf(delivery.version) } };
});
