import { routeSchemas } from '../../shared/api/route-schemas';
import { redeliver } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = outboundWebhookDepsFromEnv();

export const handler = apiHandler(routeSchemas.RedeliverOutboundWebhookDelivery, async ({ auth, path }) => {
  const delivery = await redeliver(deps, auth.workspaceId, path.deliveryId);
  return { statusCode: 201, body: delivery, headers: { etag: etagOf(delivery.version) } };
});
