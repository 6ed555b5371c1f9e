import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { editActivity } from '../../shared/activities/change-activity';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const editCompanyActivityRoute = implement(
  activitiesRoutes.EditCompanyActivity,
  async ({ auth, params, body, headers }) => {
    const activity = await editActivity(
      deps,
      auth.workspaceId,
      { kind: 'COMPANY', id: params.id },
      params.activityId,
      auth,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: activity, headers: { etag: etagOf(activity.version) } };
  },
);
