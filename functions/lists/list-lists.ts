import { listsRoutes } from '../../shared/lists/lists-routes';
import { listLists } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listListsRoute = implement(listsRoutes.ListLists, async ({ auth }) => ({
  body: { items: await listLists(deps.store, auth.workspaceId) },
}));
