import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { listActivityRevisions } from '../../shared/activities/change-activity';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listContactActivityRevisionsRoute = implement(
  activitiesRoutes.ListContactActivityRevisions,
  async ({ auth, params }) => ({
    body: await listActivityRevisions(
      deps,
      auth.workspaceId,
      { kind: 'CONTACT', id: params.id },
      params.activityId,
    ),
  }),
);
