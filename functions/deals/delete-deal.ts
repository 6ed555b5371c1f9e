import { dealRoutes } from '../../shared/deals/deal-routes';
import { deleteDeal } from '../../shared/deals/delete-deal';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteDealRoute = implement(dealRoutes.DeleteDeal, async ({ auth, params }) => {
  await deleteDeal(deps, auth, params.dealId);
  return { statusCode: 204 };
});
