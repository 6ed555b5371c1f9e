import { createDeal } from '../../shared/deals/create-deal';
import { dealRoutes } from '../../shared/deals/deal-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createDealRoute = implement(dealRoutes.CreateDeal, async ({ auth, body }) => {
  const deal = await createDeal(deps, auth, body);
  return {
    statusCode: 201,
    body: deal,
    headers: { etag: etagOf(deal.version), location: `/api/deals/${deal.id}` },
  };
});
