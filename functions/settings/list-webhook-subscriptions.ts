import { routeSchemas } from '../../shared/api/route-schemas';
import {
  listSubscriptionRecords,
  publicSubscription,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

// secrets are shown one subscription at a time (GET /{id}), never in the list
export const handler = apiHandler(routeSchemas.ListWebhookSubscriptions, async ({ auth }) => ({
  body: {
    items: (await listSubscriptionRecords(deps.store, auth.workspaceId)).map((record) =>
      publicSubscription(record, false),
    ),
  },
}));
