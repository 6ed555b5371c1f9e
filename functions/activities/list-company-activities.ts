import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { listCompanyTimeline } from '../../shared/activities/read-timeline';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listCompanyActivitiesRoute = implement(
  activitiesRoutes.ListCompanyActivities,
  async ({ auth, params, query }) => ({
    body: await listCompanyTimeline(deps, auth.workspaceId, params.id, query),
  }),
);
