import { sendTestEvent } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = outboundWebhookDepsFromEnv();

export const sendWebhookTestEventRoute = implement(
  outboundWebhooksRoutes.SendWebhookTestEvent,
  async ({ auth, params }) => {
    const delivery = await sendTestEvent(deps, auth.workspaceId, params.subscriptionId);
    return { statusCode: 201, body: delivery, headers: { etag: etagOf(delivery.version) } };
  },
);
