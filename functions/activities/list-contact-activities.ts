import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { listContactTimeline } from '../../shared/activities/read-timeline';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listContactActivitiesRoute = implement(
  activitiesRoutes.ListContactActivities,
  async ({ auth, params, query }) => ({
    body: await listContactTimeline(deps, auth.workspaceId, params.id, query),
  }),
);
