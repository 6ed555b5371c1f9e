import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { listDeliveries } from '../../shared/webhooks/webhook-inbox';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListWebhookDeliveries, async ({ auth, query }) => ({
  body: await listDeliveries(deps.store, auth.workspaceId, query),
}));
