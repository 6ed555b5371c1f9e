import { emailRoutes } from '../../shared/email/email-routes';
import { addManualSuppression } from '../../shared/email/suppressions';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const addSuppressionRoute = implement(emailRoutes.AddSuppression, async ({ auth, body }) => ({
  body: await addManualSuppression(deps, auth.workspaceId, body.email),
  statusCode: 201,
}));
