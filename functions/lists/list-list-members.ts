import { routeSchemas } from '../../shared/api/route-schemas';
import { listListMembers } from '../../shared/lists/list-members';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListListMembers, async ({ auth, path, query }) => ({
  body: await listListMembers(deps.store, auth.workspaceId, path.listId, query),
}));
