import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { teamErrors } from '../../shared/team/team-errors';
import { teamRoutes } from '../../shared/team/team-routes';
import { deactivateMemberRoute } from './deactivate-member';
import { inviteMemberRoute } from './invite-member';
import { listMembersRoute } from './list-members';
import { updateMemberRoute } from './update-member';

/** The team API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  teamRoutes,
  {
    ListMembers: listMembersRoute,
    InviteMember: inviteMemberRoute,
    UpdateMember: updateMemberRoute,
    DeactivateMember: deactivateMemberRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [teamErrors] },
);
