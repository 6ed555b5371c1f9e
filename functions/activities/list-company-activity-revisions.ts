import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { listActivityRevisions } from '../../shared/activities/change-activity';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listCompanyActivityRevisionsRoute = implement(
  activitiesRoutes.ListCompanyActivityRevisions,
  async ({ auth, params }) => ({
    body: await listActivityRevisions(
      deps,
      auth.workspaceId,
      { kind: 'COMPANY', id: params.id },
      params.activityId,
    ),
  }),
);
