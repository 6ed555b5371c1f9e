import { listDeliveries } from '../../shared/outbound-webhooks/outbound-deliveries';
import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const listOutboundWebhookDeliveriesRoute = implement(
  outboundWebhooksRoutes.ListOutboundWebhookDeliveries,
  async ({ auth, params, query }) => {
    const { subscription, page } = await listDeliveries(deps, auth.workspaceId, params.subscriptionId, query);
    // the log belongs to the subscription: its ETag lets the page change the subscription without a re-read
    return { body: page, headers: { etag: etagOf(subscription.version) } };
  },
);
