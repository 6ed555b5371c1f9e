import { deletePipeline } from '../../shared/deals/manage-pipelines';
import { pipelineRoutes } from '../../shared/deals/pipeline-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deletePipelineRoute = implement(pipelineRoutes.DeletePipeline, async ({ auth, params }) => {
  await deletePipeline(deps, auth.workspaceId, params.pipelineId);
  return { statusCode: 204 };
});
