import { routeSchemas } from '../../shared/api/route-schemas';
import { listLists } from '../../shared/lists/lists-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListLists, async ({ auth }) => ({
  body: { items: await listLists(deps.store, auth.workspaceId) },
}));
