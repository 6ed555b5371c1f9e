import { routeSchemas } from '../../shared/api/route-schemas';
import { removeListMember } from '../../shared/lists/list-members';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.RemoveListMember, async ({ auth, path }) => {
  await removeListMember(deps, auth.workspaceId, path.listId, path.contactId, auth.userId);
  return { statusCode: 204 };
});
