import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { presentConnection, rotateShopConnectionSecret } from '../../shared/shops/shop-connections-store';
import { shopsRoutes } from '../../shared/shops/shops-routes';

const deps = depsFromEnv();

/** 201: a new secret was made; the previous one is accepted for 24 hours while the shop is updated. */
export const rotateShopConnectionSecretRoute = implement(
  shopsRoutes.RotateShopConnectionSecret,
  async ({ auth, params }) => {
    const connection = await rotateShopConnectionSecret(
      deps.store,
      auth.workspaceId,
      params.connectionId,
      deps.clock(),
    );
    return {
      statusCode: 201,
      body: presentConnection(connection, true),
      headers: { etag: etagOf(connection.version) },
    };
  },
);
