import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { getShopConnection, presentConnection } from '../../shared/shops/shop-connections-store';
import { shopsRoutes } from '../../shared/shops/shops-routes';

const deps = depsFromEnv();

export const getShopConnectionRoute = implement(shopsRoutes.GetShopConnection, async ({ auth, params }) => {
  const connection = await getShopConnection(deps.store, auth.workspaceId, params.connectionId);
  return {
    body: presentConnection(connection, auth.roles.includes('admin')),
    headers: { etag: etagOf(connection.version) },
  };
});
