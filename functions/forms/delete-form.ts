import { formsRoutes } from '../../shared/forms/forms-routes';
import { deleteForm } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteFormRoute = implement(formsRoutes.DeleteForm, async ({ auth, params }) => {
  await deleteForm(deps.store, auth.workspaceId, params.formId);
  return { statusCode: 204 };
});
