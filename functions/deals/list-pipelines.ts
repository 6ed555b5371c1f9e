import { dealsRoutes } from '../../shared/deals/deals-routes';
import { listPipelines } from '../../shared/deals/manage-pipelines';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listPipelinesRoute = implement(dealsRoutes.ListPipelines, async ({ auth }) => ({
  body: await listPipelines(deps, auth.workspaceId),
}));
