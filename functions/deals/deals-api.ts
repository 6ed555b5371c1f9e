import { customFieldsErrors } from '../../shared/custom-fields/custom-fields-errors';
import { dealRoutes } from '../../shared/deals/deal-routes';
import { dealsErrors } from '../../shared/deals/deals-errors';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createDealRoute } from './create-deal';
import { deleteDealRoute } from './delete-deal';
import { getDealRoute } from './get-deal';
import { getDealHistoryRoute } from './get-deal-history';
import { listDealsRoute } from './list-deals';
import { updateDealRoute } from './update-deal';

/** The deals API function: deals and their history (pipelines and the board are PipelinesApi's). */
export const handler = apiRouter(
  dealRoutes,
  {
    ListDeals: listDealsRoute,
    CreateDeal: createDealRoute,
    GetDeal: getDealRoute,
    UpdateDeal: updateDealRoute,
    DeleteDeal: deleteDealRoute,
    GetDealHistory: getDealHistoryRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [dealsErrors, customFieldsErrors] },
);
