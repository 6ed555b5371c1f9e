import { routeSchemas } from '../../shared/api/route-schemas';
import { updateList } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.UpdateList, async ({ auth, path, body, headers }) => {
  const list = await updateList(
    deps,
    auth.workspaceId,
    path.listId,
    body,
    versionFromIfMatch(headers['if-match']),
  );
  return { body: list, headers: { etag: etagOf(list.version) } };
});
