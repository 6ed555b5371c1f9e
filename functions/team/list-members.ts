import { implement } from '../../shared/platform/http-handler';
import { storeFromEnv } from '../../shared/store/store';
import { listMembers } from '../../shared/team/member-repository';
import { teamRoutes } from '../../shared/team/team-routes';

const store = storeFromEnv();

export const listMembersRoute = implement(teamRoutes.ListMembers, async ({ auth }) => ({
  body: { items: await listMembers(store, auth.workspaceId) },
}));
