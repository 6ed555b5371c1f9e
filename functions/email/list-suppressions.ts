import { emailRoutes } from '../../shared/email/email-routes';
import { listSuppressions } from '../../shared/email/suppressions';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listSuppressionsRoute = implement(emailRoutes.ListSuppressions, async ({ auth, query }) => ({
  body: await listSuppressions(deps.store, auth.workspaceId, query),
}));
