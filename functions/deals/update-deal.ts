import { dealRoutes } from '../../shared/deals/deal-routes';
import { updateDeal } from '../../shared/deals/update-deal';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updateDealRoute = implement(dealRoutes.UpdateDeal, async ({ auth, params, body, headers }) => {
  const deal = await updateDeal(deps, auth, params.dealId, body, versionFromIfMatch(headers['if-match']));
  return { body: deal, headers: { etag: etagOf(deal.version) } };
});
