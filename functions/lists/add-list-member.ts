import { addListMember } from '../../shared/lists/list-members';
import { listsRoutes } from '../../shared/lists/lists-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const addListMemberRoute = implement(listsRoutes.AddListMember, async ({ auth, params }) => {
  const { membership, created } = await addListMember(
    deps,
    auth.workspaceId,
    params.listId,
    params.contactId,
    {
      kind: 'user',
      userId: auth.userId,
    },
  );
  return { statusCode: created ? 201 : 200, body: membership };
});
