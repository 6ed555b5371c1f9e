import { routeSchemas } from '../../shared/api/route-schemas';
import { createForm } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.CreateForm, async ({ auth, body }) => {
  const form = await createForm(deps, auth.workspaceId, body);
  return {
    statusCode: 201,
    body: form,
    headers: { etag: etagOf(form.version), location: `/api/settings/forms/${form.id}` },
  };
});
