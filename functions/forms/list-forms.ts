import { formsRoutes } from '../../shared/forms/forms-routes';
import { listForms } from '../../shared/forms/forms-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listFormsRoute = implement(formsRoutes.ListForms, async ({ auth }) => ({
  body: { items: await listForms(deps.store, auth.workspaceId) },
}));
