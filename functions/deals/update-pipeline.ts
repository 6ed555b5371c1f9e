import { pipelineRoutes } from '../../shared/deals/pipeline-routes';
import { updatePipeline } from '../../shared/deals/update-pipeline';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updatePipelineRoute = implement(
  pipelineRoutes.UpdatePipeline,
  async ({ auth, params, body, headers }) => {
    const pipeline = await updatePipeline(
      deps,
      auth,
      params.pipelineId,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: pipeline, headers: { etag: etagOf(pipeline.version) } };
  },
);
