import { listPipelines } from '../../shared/deals/manage-pipelines';
import { pipelineRoutes } from '../../shared/deals/pipeline-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listPipelinesRoute = implement(pipelineRoutes.ListPipelines, async ({ auth }) => ({
  body: await listPipelines(deps, auth.workspaceId),
}));
