import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { logActivity } from '../../shared/activities/log-activity';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const logCompanyActivityRoute = implement(
  activitiesRoutes.LogCompanyActivity,
  async ({ auth, params, body }) => {
    const activity = await logActivity(
      deps,
      auth.workspaceId,
      { kind: 'COMPANY', id: params.id },
      auth,
      body,
    );
    return { statusCode: 201, body: activity, headers: { etag: etagOf(activity.version) } };
  },
);
