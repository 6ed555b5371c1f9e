import { dealRoutes } from '../../shared/deals/deal-routes';
import { getDeal } from '../../shared/deals/read-deals';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getDealRoute = implement(dealRoutes.GetDeal, async ({ auth, params }) => {
  const deal = await getDeal(deps, auth.workspaceId, params.dealId);
  return { body: deal, headers: { etag: etagOf(deal.version) } };
});
