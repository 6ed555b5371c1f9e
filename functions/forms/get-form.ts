import { formsRoutes } from '../../shared/forms/forms-routes';
import { getForm } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getFormRoute = implement(formsRoutes.GetForm, async ({ auth, params }) => {
  const form = await getForm(deps.store, auth.workspaceId, params.formId);
  return { body: form, headers: { etag: etagOf(form.version) } };
});
