import { formsRoutes } from '../../shared/forms/forms-routes';
import { createForm } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createFormRoute = implement(formsRoutes.CreateForm, async ({ auth, body }) => {
  const form = await createForm(deps, auth.workspaceId, body);
  return {
    statusCode: 201,
    body: form,
    headers: { etag: etagOf(form.version), location: `/api/settings/forms/${form.id}` },
  };
});
