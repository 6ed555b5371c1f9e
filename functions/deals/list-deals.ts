import { dealRoutes } from '../../shared/deals/deal-routes';
import { listDeals } from '../../shared/deals/read-deals';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listDealsRoute = implement(dealRoutes.ListDeals, async ({ auth, query }) => ({
  body: await listDeals(deps, auth, query),
}));
