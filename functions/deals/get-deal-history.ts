import { dealRoutes } from '../../shared/deals/deal-routes';
import { getDealHistory } from '../../shared/deals/read-deals';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getDealHistoryRoute = implement(dealRoutes.GetDealHistory, async ({ auth, params }) => ({
  body: await getDealHistory(deps, auth.workspaceId, params.dealId),
}));
