import { companiesRoutes } from '../../shared/companies/companies-routes';
import { updateCompany } from '../../shared/companies/update-company';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updateCompanyRoute = implement(
  companiesRoutes.UpdateCompany,
  async ({ auth, params, body, headers }) => {
    const company = await updateCompany(
      deps,
      auth.workspaceId,
      params.id,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: company, headers: { etag: etagOf(company.version) } };
  },
);
