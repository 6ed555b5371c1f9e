import { routeSchemas } from '../../shared/api/route-schemas';
import { listForms } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListForms, async ({ auth }) => ({
  body: { items: await listForms(deps.store, auth.workspaceId) },
}));
