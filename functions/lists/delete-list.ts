import { listsRoutes } from '../../shared/lists/lists-routes';
import { deleteList } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteListRoute = implement(listsRoutes.DeleteList, async ({ auth, params }) => {
  await deleteList(deps.store, auth.workspaceId, params.listId);
  return { statusCode: 204 };
});
