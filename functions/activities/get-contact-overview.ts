import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { contactOverview } from '../../shared/activities/read-timeline';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getContactOverviewRoute = implement(
  activitiesRoutes.GetContactOverview,
  async ({ auth, params }) => ({ body: await contactOverview(deps, auth.workspaceId, params.id) }),
);
