import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { listShopConnections, presentConnection } from '../../shared/shops/shop-connections-store';
import { shopsRoutes } from '../../shared/shops/shops-routes';

const deps = depsFromEnv();

export const listShopConnectionsRoute = implement(shopsRoutes.ListShopConnections, async ({ auth }) => {
  const connections = await listShopConnections(deps.store, auth.workspaceId);
  const admin = auth.roles.includes('admin');
  return { body: { items: connections.map((connection) => presentConnection(connection, admin)) } };
});
