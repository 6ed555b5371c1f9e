import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';
import { updateMember } from '../../shared/team/manage-members';
import { teamDepsFromEnv } from '../../shared/team/team-deps';
import { teamRoutes } from '../../shared/team/team-routes';

const deps = teamDepsFromEnv();

export const updateMemberRoute = implement(
  teamRoutes.UpdateMember,
  async ({ auth, params, body, headers }) => {
    const member = await updateMember(
      deps,
      auth,
      params.memberId,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: member, headers: { etag: etagOf(member.version) } };
  },
);
