import { implement } from '../../shared/platform/http-handler';
import { deactivateMember } from '../../shared/team/manage-members';
import { teamDepsFromEnv } from '../../shared/team/team-deps';
import { teamRoutes } from '../../shared/team/team-routes';

const deps = teamDepsFromEnv();

export const deactivateMemberRoute = implement(
  teamRoutes.DeactivateMember,
  async ({ auth, params, query }) => {
    await deactivateMember(deps, auth, params.memberId, query.reassignTo);
    return { statusCode: 204 };
  },
);
