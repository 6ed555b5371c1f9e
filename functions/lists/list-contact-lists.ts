import { routeSchemas } from '../../shared/api/route-schemas';
import { listContactLists } from '../../shared/lists/list-members';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListContactLists, async ({ auth, path }) => ({
  body: await listContactLists(deps.store, auth.workspaceId, path.id),
}));
