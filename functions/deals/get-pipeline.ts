import { getPipeline } from '../../shared/deals/manage-pipelines';
import { pipelineRoutes } from '../../shared/deals/pipeline-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getPipelineRoute = implement(pipelineRoutes.GetPipeline, async ({ auth, params }) => {
  const pipeline = await getPipeline(deps, auth.workspaceId, params.pipelineId);
  return { body: pipeline, headers: { etag: etagOf(pipeline.version) } };
});
