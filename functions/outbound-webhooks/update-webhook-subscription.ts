import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import { outboundWebhooksRoutes } from '../../shared/outbound-webhooks/outbound-webhooks-routes';
import {
  publicSubscription,
  updateSubscription,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = outboundWebhookDepsFromEnv();

export const updateWebhookSubscriptionRoute = implement(
  outboundWebhooksRoutes.UpdateWebhookSubscription,
  async ({ auth, params, body, headers }) => {
    const record = await updateSubscription(
      deps,
      auth.workspaceId,
      params.subscriptionId,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    // only admins may call this route, so the secret is theirs to see
    return { body: publicSubscription(record, true), headers: { etag: etagOf(record.version) } };
  },
);
