import { routeSchemas } from '../../shared/api/route-schemas';
import { getListWithCount } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.GetList, async ({ auth, path }) => {
  const list = await getListWithCount(deps.store, auth.workspaceId, path.listId);
  return { body: list, headers: { etag: etagOf(list.version) } };
});
