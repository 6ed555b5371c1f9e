import { routeSchemas } from '../../shared/api/route-schemas';
import { deleteCompany } from '../../shared/companies/delete-company';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.DeleteCompany, async ({ auth, path }) => {
  await deleteCompany(deps, auth.workspaceId, path.id);
  return { statusCode: 204 };
});
