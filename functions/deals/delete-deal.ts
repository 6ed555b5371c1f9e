import { dealsRoutes } from '../../shared/deals/deals-routes';
import { deleteDeal } from '../../shared/deals/delete-deal';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteDealRoute = implement(dealsRoutes.DeleteDeal, async ({ auth, params }) => {
  await deleteDeal(deps, auth, params.dealId);
  return { statusCode: 204 };
});
