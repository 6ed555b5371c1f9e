import { implement } from '../../shared/platform/http-handler';
import { inviteMember } from '../../shared/team/manage-members';
import { teamDepsFromEnv } from '../../shared/team/team-deps';
import { teamRoutes } from '../../shared/team/team-routes';

const deps = teamDepsFromEnv();

export const inviteMemberRoute = implement(teamRoutes.InviteMember, async ({ auth, body }) => ({
  statusCode: 201,
  body: await inviteMember(deps, auth, body),
}));
