import { routeSchemas } from '../../shared/api/route-schemas';
import { getCompany } from '../../shared/companies/get-company';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.GetCompany, async ({ auth, path }) => {
  const company = await getCompany(deps, auth.workspaceId, path.id);
  return { body: company, headers: { etag: etagOf(company.version) } };
});
