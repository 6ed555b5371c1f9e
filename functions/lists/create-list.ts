import { routeSchemas } from '../../shared/api/route-schemas';
import { createList } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.CreateList, async ({ auth, body }) => {
  const list = await createList(deps, auth.workspaceId, body);
  return {
    statusCode: 201,
    body: list,
    headers: { etag: etagOf(list.version), location: `/api/lists/${list.id}` },
  };
});
