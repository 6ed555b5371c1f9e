import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { deleteActivity } from '../../shared/activities/change-activity';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteCompanyActivityRoute = implement(
  activitiesRoutes.DeleteCompanyActivity,
  async ({ auth, params }) => {
    await deleteActivity(deps, auth.workspaceId, { kind: 'COMPANY', id: params.id }, params.activityId, auth);
    return { statusCode: 204 };
  },
);
