import { companiesRoutes } from '../../shared/companies/companies-routes';
import { createCompany } from '../../shared/companies/create-company';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createCompanyRoute = implement(companiesRoutes.CreateCompany, async ({ auth, body }) => {
  const company = await createCompany(deps, auth.workspaceId, body);
  return {
    statusCode: 201,
    body: company,
    headers: { etag: etagOf(company.version), location: `/api/companies/${company.id}` },
  };
});
