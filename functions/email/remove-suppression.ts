import { emailRoutes } from '../../shared/email/email-routes';
import { removeSuppression } from '../../shared/email/suppressions';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const removeSuppressionRoute = implement(emailRoutes.RemoveSuppression, async ({ auth, params }) => {
  await removeSuppression(deps.store, auth.workspaceId, params.addressHash);
  return {};
});
