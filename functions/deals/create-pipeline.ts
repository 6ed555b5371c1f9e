import { createPipeline } from '../../shared/deals/manage-pipelines';
import { pipelineRoutes } from '../../shared/deals/pipeline-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createPipelineRoute = implement(pipelineRoutes.CreatePipeline, async ({ auth, body }) => {
  const pipeline = await createPipeline(deps, auth.workspaceId, body);
  return {
    statusCode: 201,
    body: pipeline,
    headers: { etag: etagOf(pipeline.version), location: `/api/pipelines/${pipeline.id}` },
  };
});
