import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';
import { presentConnection, updateShopConnection } from '../../shared/shops/shop-connections-store';
import { shopsRoutes } from '../../shared/shops/shops-routes';

const deps = depsFromEnv();

export const updateShopConnectionRoute = implement(
  shopsRoutes.UpdateShopConnection,
  async ({ auth, params, body, headers }) => {
    const connection = await updateShopConnection(
      deps.store,
      auth.workspaceId,
      params.connectionId,
      body,
      versionFromIfMatch(headers['if-match']),
      deps.clock(),
    );
    return { body: presentConnection(connection, true), headers: { etag: etagOf(connection.version) } };
  },
);
