import { redeliver } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = outboundWebhookDepsFromEnv();

export const redeliverOutboundWebhookDeliveryRoute = implement(
  outboundWebhooksRoutes.RedeliverOutboundWebhookDelivery,
  async ({ auth, params }) => {
    const delivery = await redeliver(deps, auth.workspaceId, params.deliveryId);
    return { statusCode: 201, body: delivery, headers: { etag: etagOf(delivery.version) } };
  },
);
