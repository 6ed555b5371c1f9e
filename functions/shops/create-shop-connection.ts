import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { createShopConnection, presentConnection } from '../../shared/shops/shop-connections-store';
import { shopsRoutes } from '../../shared/shops/shops-routes';

const deps = depsFromEnv();

/** Admins only (its route's roles): the answer carries the secret, so the web app can show it once set up. */
export const createShopConnectionRoute = implement(
  shopsRoutes.CreateShopConnection,
  async ({ auth, body }) => {
    const connection = await createShopConnection(deps.store, auth.workspaceId, body, deps.clock());
    return {
      statusCode: 201,
      body: presentConnection(connection, true),
      headers: {
        etag: etagOf(connection.version),
        location: `/api/settings/shop-connections/${connection.id}`,
      },
    };
  },
);
