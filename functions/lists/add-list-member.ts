import { routeSchemas } from '../../shared/api/route-schemas';
import { addListMember } from '../../shared/lists/list-members';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.AddListMember, async ({ auth, path }) => {
  const { membership, created } = await addListMember(deps, auth.workspaceId, path.listId, path.contactId, {
    kind: 'user',
    userId: auth.userId,
  });
  return { statusCode: created ? 201 : 200, body: membership };
});
