import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { deleteShopConnection } from '../../shared/shops/shop-connections-store';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.DeleteShopConnection, async ({ auth, path }) => {
  await deleteShopConnection(deps.store, auth.workspaceId, path.connectionId);
  return { statusCode: 204 };
});
