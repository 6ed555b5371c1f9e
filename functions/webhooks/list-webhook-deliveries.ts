import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { listDeliveries } from '../../shared/webhooks/webhook-inbox';
import { webhooksRoutes } from '../../shared/webhooks/webhooks-routes';

const deps = depsFromEnv();

export const listWebhookDeliveriesRoute = implement(
  webhooksRoutes.ListWebhookDeliveries,
  async ({ auth, query }) => ({
    body: await listDeliveries(deps.store, auth.workspaceId, query),
  }),
);
