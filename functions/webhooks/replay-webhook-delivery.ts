import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { replayDelivery } from '../../shared/webhooks/webhook-inbox';
import { webhooksRoutes } from '../../shared/webhooks/webhooks-routes';

const deps = depsFromEnv();

/** 202: queued again; 200: already processed, left as it is. */
export const replayWebhookDeliveryRoute = implement(
  webhooksRoutes.ReplayWebhookDelivery,
  async ({ auth, params }) => {
    const { delivery, replayed } = await replayDelivery(deps, auth.workspaceId, params.inboxId);
    return { statusCode: replayed ? 202 : 200, body: delivery };
  },
);
