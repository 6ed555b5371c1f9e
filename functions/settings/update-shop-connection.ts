import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';
import { presentConnection, updateShopConnection } from '../../shared/shops/shop-connections-store';

const deps = depsFromEnv();

export const handler = apiHandler(
  routeSchemas.UpdateShopConnection,
  async ({ auth, path, body, headers }) => {
    const connection = await updateShopConnection(
      deps.store,
      auth.workspaceId,
      path.connectionId,
      body,
      versionFromIfMatch(headers['if-match']),
      deps.clock(),
    );
    return { body: presentConnection(connection, true), headers: { etag: etagOf(connection.version) } };
  },
);
