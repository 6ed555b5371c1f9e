import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { listShopConnections, presentConnection } from '../../shared/shops/shop-connections-store';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListShopConnections, async ({ auth }) => {
  const connections = await listShopConnections(deps.store, auth.workspaceId);
  const admin = auth.roles.includes('admin');
  return { body: { items: connections.map((connection) => presentConnection(connection, admin)) } };
});
