import { routeSchemas } from '../../shared/api/route-schemas';
import { deleteForm } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.DeleteForm, async ({ auth, path }) => {
  await deleteForm(deps.store, auth.workspaceId, path.formId);
  return { statusCode: 204 };
});
