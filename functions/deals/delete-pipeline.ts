import { dealsRoutes } from '../../shared/deals/deals-routes';
import { deletePipeline } from '../../shared/deals/manage-pipelines';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deletePipelineRoute = implement(dealsRoutes.DeletePipeline, async ({ auth, params }) => {
  await deletePipeline(deps, auth.workspaceId, params.pipelineId);
  return { statusCode: 204 };
});
