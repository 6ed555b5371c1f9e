import { routeSchemas } from '../../shared/api/route-schemas';
import { updateCompany } from '../../shared/companies/update-company';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.UpdateCompany, async ({ auth, path, body, headers }) => {
  const company = await updateCompany(
    deps,
    auth.workspaceId,
    path.id,
    body,
    versionFromIfMatch(headers['if-match']),
  );
  return { body: company, headers: { etag: etagOf(company.version) } };
});
