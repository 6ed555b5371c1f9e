import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { replayDelivery } from '../../shared/webhooks/webhook-inbox';

const deps = depsFromEnv();

/** 202: queued again; 200: already processed, left as it is. */
export const handler = apiHandler(routeSchemas.ReplayWebhookDelivery, async ({ auth, path }) => {
  const { delivery, replayed } = await replayDelivery(deps, auth.workspaceId, path.inboxId);
  return { statusCode: replayed ? 202 : 200, body: delivery };
});
