import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { editActivity } from '../../shared/activities/change-activity';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const editContactActivityRoute = implement(
  activitiesRoutes.EditContactActivity,
  async ({ auth, params, body, headers }) => {
    const activity = await editActivity(
      deps,
      auth.workspaceId,
      { kind: 'CONTACT', id: params.id },
      params.activityId,
      auth,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: activity, headers: { etag: etagOf(activity.version) } };
  },
);
