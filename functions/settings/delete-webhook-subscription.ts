import { routeSchemas } from '../../shared/api/route-schemas';
import { deleteSubscription } from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.DeleteWebhookSubscription, async ({ auth, path }) => {
  await deleteSubscription(deps.store, auth.workspaceId, path.subscriptionId);
  return { statusCode: 204 };
});
