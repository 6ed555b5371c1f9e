import { listsRoutes } from '../../shared/lists/lists-routes';
import { getListWithCount } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getListRoute = implement(listsRoutes.GetList, async ({ auth, params }) => {
  const list = await getListWithCount(deps.store, auth.workspaceId, params.listId);
  return { body: list, headers: { etag: etagOf(list.version) } };
});
