import { routeSchemas } from '../../shared/api/route-schemas';
import { updateForm } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.UpdateForm, async ({ auth, path, body, headers }) => {
  const form = await updateForm(
    deps,
    auth.workspaceId,
    path.formId,
    body,
    versionFromIfMatch(headers['if-match']),
  );
  return { body: form, headers: { etag: etagOf(form.version) } };
});
