import { NotFoundError } from '../platform/errors';
import type { WebhookEndpoint } from '../webhooks/receive-webhook';
import { parseConnectionId } from './connection-id';
import { genericShopProvider } from './generic-shop-webhook';
import type { ShopProvider } from './shop-connection';
import { acceptedSecrets, findShopConnection, type StoredShopConnection } from './shop-connections-store';
import type { ShopWebhookProvider } from './shop-webhook-provider';
import { shopifyProvider } from './shopify-webhook';
import { wooCommerceProvider } from './woocommerce-webhook';

export const shopWebhookProviders: Record<ShopProvider, ShopWebhookProvider> = {
  shopify: shopifyProvider,
  woocommerce: wooCommerceProvider,
  shop: genericShopProvider,
};

/**
 * Intake for one shop platform: the URL's id is a connection id, the connection must exist and be of
 * this platform (else 404, as for an id that names nothing), and its secret(s) verify the signature.
 */
export function shopWebhookEndpoint(provider: ShopProvider): WebhookEndpoint<StoredShopConnection> {
  const platform = shopWebhookProviders[provider];
  return {
    source: provider,
    parseTargetId(id) {
      const ref = parseConnectionId(id);
      return ref && { workspaceId: ref.workspaceId, targetKey: ref.key };
    },
    async load({ store }, target) {
      const connection = await findShopConnection(store, {
        workspaceId: target.workspaceId,
        key: target.targetKey,
      });
      return connection?.provider === provider ? connection : undefined;
    },
    notFound: () => new NotFoundError('webhook.unknown_connection'),
    ...(platform.isPing ? { isPing: platform.isPing } : {}),
    verify: (request, connection, now) => platform.verify(request, acceptedSecrets(connection, now), now),
    judge: (request) => platform.judge(request),
  };
}
