import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { presentConnection, rotateShopConnectionSecret } from '../../shared/shops/shop-connections-store';

const deps = depsFromEnv();

/** 201: a new secret was made; the previous one is accepted for 24 hours while the shop is updated. */
export const handler = apiHandler(routeSchemas.RotateShopConnectionSecret, async ({ auth, path }) => {
  const connection = await rotateShopConnectionSecret(
    deps.store,
    auth.workspaceId,
    path.connectionId,
    deps.clock(),
  );
  return {
    statusCode: 201,
    body: presentConnection(connection, true),
    headers: { etag: etagOf(connection.version) },
  };
});
