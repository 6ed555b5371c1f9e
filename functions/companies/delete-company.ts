import { companiesRoutes } from '../../shared/companies/companies-routes';
import { deleteCompany } from '../../shared/companies/delete-company';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteCompanyRoute = implement(companiesRoutes.DeleteCompany, async ({ auth, params }) => {
  await deleteCompany(deps, auth.workspaceId, params.id);
  return { statusCode: 204 };
});
