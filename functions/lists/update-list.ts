import { listsRoutes } from '../../shared/lists/lists-routes';
import { updateList } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updateListRoute = implement(listsRoutes.UpdateList, async ({ auth, params, body, headers }) => {
  const list = await updateList(
    deps,
    auth.workspaceId,
    params.listId,
    body,
    versionFromIfMatch(headers['if-match']),
  );
  return { body: list, headers: { etag: etagOf(list.version) } };
});
