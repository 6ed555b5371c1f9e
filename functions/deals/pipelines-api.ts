import { dealsErrors } from '../../shared/deals/deals-errors';
import { pipelineRoutes } from '../../shared/deals/pipeline-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createPipelineRoute } from './create-pipeline';
import { deletePipelineRoute } from './delete-pipeline';
import { getBoardRoute } from './get-board';
import { getPipelineRoute } from './get-pipeline';
import { listPipelinesRoute } from './list-pipelines';
import { getLostReasonsRoute, putLostReasonsRoute } from './lost-reasons';
import { updatePipelineRoute } from './update-pipeline';

/**
 * The pipelines API function of the deals capability: pipelines, their boards and the lost reasons; removing
 * a stage moves its deals. A Lambda of its own so that neither half outgrows its bundle budget (decision 162).
 */
export const handler = apiRouter(
  pipelineRoutes,
  {
    ListPipelines: listPipelinesRoute,
    CreatePipeline: createPipelineRoute,
    GetPipeline: getPipelineRoute,
    UpdatePipeline: updatePipelineRoute,
    DeletePipeline: deletePipelineRoute,
    GetBoard: getBoardRoute,
    GetLostReasons: getLostReasonsRoute,
    PutLostReasons: putLostReasonsRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [dealsErrors] },
);
