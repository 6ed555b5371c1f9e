import { companiesRoutes } from '../../shared/companies/companies-routes';
import { listCompanies } from '../../shared/companies/list-companies';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listCompaniesRoute = implement(companiesRoutes.ListCompanies, async ({ auth, query }) => ({
  body: await listCompanies(deps, auth.workspaceId, query),
}));
