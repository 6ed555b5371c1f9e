import { listListMembers } from '../../shared/lists/list-members';
import { listsRoutes } from '../../shared/lists/lists-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listListMembersRoute = implement(
  listsRoutes.ListListMembers,
  async ({ auth, params, query }) => ({
    body: await listListMembers(deps.store, auth.workspaceId, params.listId, query),
  }),
);
