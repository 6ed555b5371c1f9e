import { routeSchemas } from '../../shared/api/route-schemas';
import { listCompanies } from '../../shared/companies/list-companies';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListCompanies, async ({ auth, query }) => ({
  body: await listCompanies(deps, auth.workspaceId, query),
}));
