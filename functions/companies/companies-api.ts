import { companiesErrors } from '../../shared/companies/companies-errors';
import { companiesRoutes } from '../../shared/companies/companies-routes';
import { customFieldsErrors } from '../../shared/custom-fields/custom-fields-errors';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createCompanyRoute } from './create-company';
import { deleteCompanyRoute } from './delete-company';
import { getCompanyRoute } from './get-company';
import { listCompaniesRoute } from './list-companies';
import { updateCompanyRoute } from './update-company';

/** The companies API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  companiesRoutes,
  {
    ListCompanies: listCompaniesRoute,
    CreateCompany: createCompanyRoute,
    GetCompany: getCompanyRoute,
    UpdateCompany: updateCompanyRoute,
    DeleteCompany: deleteCompanyRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [companiesErrors, customFieldsErrors] },
);
