import { routeSchemas } from '../../shared/api/route-schemas';
import { listFieldDefinitions } from '../../shared/custom-fields/field-definitions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListFieldDefinitions, async ({ auth, query }) => ({
  body: { items: await listFieldDefinitions(deps.store, auth.workspaceId, query.entity) },
}));
