import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { deleteShopConnection } from '../../shared/shops/shop-connections-store';
import { shopsRoutes } from '../../shared/shops/shops-routes';

const deps = depsFromEnv();

export const deleteShopConnectionRoute = implement(
  shopsRoutes.DeleteShopConnection,
  async ({ auth, params }) => {
    await deleteShopConnection(deps.store, auth.workspaceId, params.connectionId);
    return { statusCode: 204 };
  },
);
