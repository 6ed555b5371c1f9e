import { removeListMember } from '../../shared/lists/list-members';
import { listsRoutes } from '../../shared/lists/lists-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const removeListMemberRoute = implement(listsRoutes.RemoveListMember, async ({ auth, params }) => {
  await removeListMember(deps, auth.workspaceId, params.listId, params.contactId, auth.userId);
  return { statusCode: 204 };
});
