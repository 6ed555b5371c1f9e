import { formsRoutes } from '../../shared/forms/forms-routes';
import { updateForm } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updateFormRoute = implement(formsRoutes.UpdateForm, async ({ auth, params, body, headers }) => {
  const form = await updateForm(
    deps,
    auth.workspaceId,
    params.formId,
    body,
    versionFromIfMatch(headers['if-match']),
  );
  return { body: form, headers: { etag: etagOf(form.version) } };
});
