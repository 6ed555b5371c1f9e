import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import {
  listSubscriptionRecords,
  publicSubscription,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

// secrets are shown one subscription at a time (GET /{id}), never in the list
export const listWebhookSubscriptionsRoute = implement(
  outboundWebhooksRoutes.ListWebhookSubscriptions,
  async ({ auth }) => ({
    body: {
      items: (await listSubscriptionRecords(deps.store, auth.workspaceId)).map((record) =>
        publicSubscription(record, false),
      ),
    },
  }),
);
