import { implement } from '../../shared/platform/http-handler';
import { shopWebhookEndpoint } from '../../shared/shops/shop-webhook-endpoint';
import { shopsRoutes } from '../../shared/shops/shops-routes';
import { intakeDepsFromEnv, intakeResponse, receiveWebhook } from '../../shared/webhooks/receive-webhook';

const deps = intakeDepsFromEnv();
const endpoint = shopWebhookEndpoint('woocommerce');

/** Public: the raw bytes go to intake unread (size, target, signature and body checked, then archived). */
export const receiveWooCommerceWebhookRoute = implement(
  shopsRoutes.ReceiveWooCommerceWebhook,
  async ({ params, headers, raw }) =>
    intakeResponse(
      await receiveWebhook(deps, endpoint, params.connectionId, {
        headers,
        body: raw?.bytes ?? Buffer.alloc(0),
      }),
    ),
);
