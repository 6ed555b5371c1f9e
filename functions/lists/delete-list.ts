import { routeSchemas } from '../../shared/api/route-schemas';
import { deleteList } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.DeleteList, async ({ auth, path }) => {
  await deleteList(deps.store, auth.workspaceId, path.listId);
  return { statusCode: 204 };
});
