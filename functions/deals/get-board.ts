import { pipelineRoutes } from '../../shared/deals/pipeline-routes';
import { readBoard } from '../../shared/deals/read-board';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getBoardRoute = implement(pipelineRoutes.GetBoard, async ({ auth, params, query }) => ({
  body: await readBoard(deps, auth.workspaceId, params.pipelineId, query),
}));
