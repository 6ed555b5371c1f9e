import { listContactLists } from '../../shared/lists/list-members';
import { listsRoutes } from '../../shared/lists/lists-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listContactListsRoute = implement(listsRoutes.ListContactLists, async ({ auth, params }) => ({
  body: await listContactLists(deps.store, auth.workspaceId, params.id),
}));
