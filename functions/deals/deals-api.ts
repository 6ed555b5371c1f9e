import { customFieldsErrors } from '../../shared/custom-fields/custom-fields-errors';
import { dealsErrors } from '../../shared/deals/deals-errors';
import { dealsRoutes } from '../../shared/deals/deals-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createDealRoute } from './create-deal';
import { createPipelineRoute } from './create-pipeline';
import { deleteDealRoute } from './delete-deal';
import { deletePipelineRoute } from './delete-pipeline';
import { getBoardRoute } from './get-board';
import { getDealRoute } from './get-deal';
import { getDealHistoryRoute } from './get-deal-history';
import { getPipelineRoute } from './get-pipeline';
import { listDealsRoute } from './list-deals';
import { listPipelinesRoute } from './list-pipelines';
import { getLostReasonsRoute, putLostReasonsRoute } from './lost-reasons';
import { updateDealRoute } from './update-deal';
import { updatePipelineRoute } from './update-pipeline';

/** The deals API function: pipelines, the board, deals and lost reasons, one Lambda. */
export const handler = apiRouter(
  dealsRoutes,
  {
    ListPipelines: listPipelinesRoute,
    CreatePipeline: createPipelineRoute,
    GetPipeline: getPipelineRoute,
    UpdatePipeline: updatePipelineRoute,
    DeletePipeline: deletePipelineRoute,
    GetBoard: getBoardRoute,
    ListDeals: listDealsRoute,
    CreateDeal: createDealRoute,
    GetDeal: getDealRoute,
    UpdateDeal: updateDealRoute,
    DeleteDeal: deleteDealRoute,
    GetDealHistory: getDealHistoryRoute,
    GetLostReasons: getLostReasonsRoute,
    PutLostReasons: putLostReasonsRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [dealsErrors, customFieldsErrors] },
);
