import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { webhooksErrors } from '../../shared/webhooks/webhooks-errors';
import { webhooksRoutes } from '../../shared/webhooks/webhooks-routes';
import { listWebhookDeliveriesRoute } from './list-webhook-deliveries';
import { replayWebhookDeliveryRoute } from './replay-webhook-delivery';

/** The webhooks API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  webhooksRoutes,
  {
    ListWebhookDeliveries: listWebhookDeliveriesRoute,
    ReplayWebhookDelivery: replayWebhookDeliveryRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [webhooksErrors] },
);
