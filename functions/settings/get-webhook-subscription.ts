import { routeSchemas } from '../../shared/api/route-schemas';
import {
  getSubscriptionRecord,
  publicSubscription,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.GetWebhookSubscription, async ({ auth, path }) => {
  const record = await getSubscriptionRecord(deps.store, auth.workspaceId, path.subscriptionId);
  return {
    body: publicSubscription(record, auth.roles.includes('admin')),
    headers: { etag: etagOf(record.version) },
  };
});
