import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { createShopConnection, presentConnection } from '../../shared/shops/shop-connections-store';

const deps = depsFromEnv();

/** Admins only (manifest): the answer carries the secret, so the web app can show it once set up. */
export const handler = apiHandler(routeSchemas.CreateShopConnection, async ({ auth, body }) => {
  const connection = await createShopConnection(deps.store, auth.workspaceId, body, deps.clock());
  return {
    statusCode: 201,
    body: presentConnection(connection, true),
    headers: {
      etag: etagOf(connection.version),
      location: `/api/settings/shop-connections/${connection.id}`,
    },
  };
});
