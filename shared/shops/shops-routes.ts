import { defineRoutes } from '../platform/capability';
import { admins, everyone } from '../platform/roles';
import { WebhookAccepted } from '../webhooks/webhook-accepted';
import { GenericShopWebhook } from './generic-shop-webhook-body';
import {
  RotateSecretRequest,
  ShopConnection,
  ShopConnectionInput,
  ShopConnectionList,
  ShopConnectionPatch,
  ShopConnectionPath,
} from './shop-connection';
import { ShopifyWebhookBody, WooCommerceWebhookBody } from './shop-webhook-bodies';

/** The routes of shops: what each accepts, answers and who may call it. */
export const shopsRoutes = defineRoutes({
  ReceiveShopifyWebhook: {
    method: 'POST',
    path: '/api/webhooks/shopify/{connectionId}',
    roles: 'public',
    summary: 'Shopify webhooks of a shop connection: verified, archived, queued for processing',
    params: ShopConnectionPath,
    body: ShopifyWebhookBody,
    response: WebhookAccepted,
    status: 202,
    accepts: 'raw',
  },
  ReceiveWooCommerceWebhook: {
    method: 'POST',
    path: '/api/webhooks/woocommerce/{connectionId}',
    roles: 'public',
    summary: 'WooCommerce webhooks of a shop connection: verified, archived, queued for processing',
    params: ShopConnectionPath,
    body: WooCommerceWebhookBody,
    response: WebhookAccepted,
    status: 202,
    accepts: 'raw',
  },
  ReceiveShopWebhook: {
    method: 'POST',
    path: '/api/webhooks/shop/{connectionId}',
    roles: 'public',
    summary: 'Webhooks of any other shop in the signed JSON format of docs/webhooks.md',
    params: ShopConnectionPath,
    body: GenericShopWebhook,
    response: WebhookAccepted,
    status: 202,
    accepts: 'raw',
  },
  ListShopConnections: {
    method: 'GET',
    path: '/api/settings/shop-connections',
    roles: everyone,
    summary: 'List the shop connections of the workspace (secrets for admins only)',
    response: ShopConnectionList,
  },
  CreateShopConnection: {
    method: 'POST',
    path: '/api/settings/shop-connections',
    roles: admins,
    summary: 'Connect a shop: its webhook address and signing secret',
    body: ShopConnectionInput,
    response: ShopConnection,
    status: 201,
  },
  GetShopConnection: {
    method: 'GET',
    path: '/api/settings/shop-connections/{connectionId}',
    roles: everyone,
    summary: 'Read one shop connection (its secret for admins only)',
    params: ShopConnectionPath,
    response: ShopConnection,
  },
  UpdateShopConnection: {
    method: 'PATCH',
    path: '/api/settings/shop-connections/{connectionId}',
    roles: admins,
    summary: 'Change a shop connection (If-Match version)',
    params: ShopConnectionPath,
    body: ShopConnectionPatch,
    response: ShopConnection,
    ifMatch: true,
  },
  DeleteShopConnection: {
    method: 'DELETE',
    path: '/api/settings/shop-connections/{connectionId}',
    roles: admins,
    summary: 'Disconnect a shop: its webhooks answer 404 from then on',
    params: ShopConnectionPath,
    status: 204,
  },
  RotateShopConnectionSecret: {
    method: 'POST',
    path: '/api/settings/shop-connections/{connectionId}/rotate-secret',
    roles: admins,
    summary: 'Generate a new signing secret; the previous one is accepted for 24 hours',
    params: ShopConnectionPath,
    body: RotateSecretRequest,
    response: ShopConnection,
    status: 201,
  },
});
