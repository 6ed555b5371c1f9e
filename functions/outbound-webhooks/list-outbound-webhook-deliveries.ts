import { routeSchemas } from '../../shared/api/route-schemas';
import { listDeliveries } from '../../shared/outbound-webhooks/outbound-deliveries';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(
  routeSchemas.ListOutboundWebhookDeliveries,
  async ({ auth, path, query }) => {
    const { subscription, page } = await listDeliveries(deps, auth.workspaceId, path.subscriptionId, query);
    // the log belongs to the subscription: its ETag lets the page change the subscription without a re-read
    return { body: page, headers: { etag: etagOf(subscription.version) } };
  },
);
