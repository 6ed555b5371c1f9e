import { getDeliverability } from '../../shared/email/deliverability';
import { emailRoutes } from '../../shared/email/email-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getDeliverabilityRoute = implement(emailRoutes.GetDeliverability, async ({ auth }) => ({
  body: await getDeliverability(deps, auth.workspaceId),
}));
