import { listsRoutes } from '../../shared/lists/lists-routes';
import { createList } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createListRoute = implement(listsRoutes.CreateList, async ({ auth, body }) => {
  const list = await createList(deps, auth.workspaceId, body);
  return {
    statusCode: 201,
    body: list,
    headers: { etag: etagOf(list.version), location: `/api/lists/${list.id}` },
  };
});
