import { routeSchemas } from '../../shared/api/route-schemas';
import { apiHandler } from '../../shared/platform/http-handler';
import { shopWebhookEndpoint } from '../../shared/shops/shop-webhook-endpoint';
import { intakeDepsFromEnv, intakeResponse, receiveWebhook } from '../../shared/webhooks/receive-webhook';

const deps = intakeDepsFromEnv();
const endpoint = shopWebhookEndpoint('woocommerce');

/** Public: the raw bytes go to intake unread (archived first, then verified and judged). */
export const handler = apiHandler(
  routeSchemas.ReceiveWooCommerceWebhook,
  async ({ path, headers, raw }) =>
    intakeResponse(
      await receiveWebhook(deps, endpoint, path.connectionId, {
        headers,
        body: raw?.bytes ?? Buffer.alloc(0),
      }),
    ),
  { rawBody: true },
);
