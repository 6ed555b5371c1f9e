import { routeSchemas } from '../../shared/api/route-schemas';
import { outboundWebhookDepsFromEnv } from '../../shared/outbound-webhooks/outbound-webhook-deps';
import {
  publicSubscription,
  updateSubscription,
} from '../../shared/outbound-webhooks/webhook-subscriptions-store';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = outboundWebhookDepsFromEnv();

export const handler = apiHandler(
  routeSchemas.UpdateWebhookSubscription,
  async ({ auth, path, body, headers }) => {
    const record = await updateSubscription(
      deps,
      auth.workspaceId,
      path.subscriptionId,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    // only admins may call this route, so the secret is theirs to see
    return { body: publicSubscription(record, true), headers: { etag: etagOf(record.version) } };
  },
);
