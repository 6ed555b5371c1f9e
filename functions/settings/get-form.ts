import { routeSchemas } from '../../shared/api/route-schemas';
import { getForm } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.GetForm, async ({ auth, path }) => {
  const form = await getForm(deps.store, auth.workspaceId, path.formId);
  return { body: form, headers: { etag: etagOf(form.version) } };
});
