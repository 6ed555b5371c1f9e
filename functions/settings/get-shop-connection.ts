import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { getShopConnection, presentConnection } from '../../shared/shops/shop-connections-store';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.GetShopConnection, async ({ auth, path }) => {
  const connection = await getShopConnection(deps.store, auth.workspaceId, path.connectionId);
  return {
    body: presentConnection(connection, auth.roles.includes('admin')),
    headers: { etag: etagOf(connection.version) },
  };
});
