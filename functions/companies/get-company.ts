import { companiesRoutes } from '../../shared/companies/companies-routes';
import { getCompany } from '../../shared/companies/get-company';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getCompanyRoute = implement(companiesRoutes.GetCompany, async ({ auth, params }) => {
  const company = await getCompany(deps, auth.workspaceId, params.id);
  return { body: company, headers: { etag: etagOf(company.version) } };
});
