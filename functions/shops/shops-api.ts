import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { shopsErrors } from '../../shared/shops/shops-errors';
import { shopsRoutes } from '../../shared/shops/shops-routes';
import { storeFromEnv } from '../../shared/store/store';
import { webhooksErrors } from '../../shared/webhooks/webhooks-errors';
import { createShopConnectionRoute } from './create-shop-connection';
import { deleteShopConnectionRoute } from './delete-shop-connection';
import { getShopConnectionRoute } from './get-shop-connection';
import { listShopConnectionsRoute } from './list-shop-connections';
import { receiveShopWebhookRoute } from './receive-shop-webhook';
import { receiveShopifyWebhookRoute } from './receive-shopify-webhook';
import { receiveWooCommerceWebhookRoute } from './receive-woocommerce-webhook';
import { rotateShopConnectionSecretRoute } from './rotate-shop-connection-secret';
import { updateShopConnectionRoute } from './update-shop-connection';

/** The shops API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  shopsRoutes,
  {
    ReceiveShopifyWebhook: receiveShopifyWebhookRoute,
    ReceiveWooCommerceWebhook: receiveWooCommerceWebhookRoute,
    ReceiveShopWebhook: receiveShopWebhookRoute,
    ListShopConnections: listShopConnectionsRoute,
    CreateShopConnection: createShopConnectionRoute,
    GetShopConnection: getShopConnectionRoute,
    UpdateShopConnection: updateShopConnectionRoute,
    DeleteShopConnection: deleteShopConnectionRoute,
    RotateShopConnectionSecret: rotateShopConnectionSecretRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [shopsErrors, webhooksErrors] },
);
