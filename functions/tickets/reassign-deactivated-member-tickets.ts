import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';
import { MemberDeactivated } from '../../shared/team/member-events';
import { reassignMemberTickets } from '../../shared/tickets/reassign-member-tickets';

/** member.deactivated: the member's open tickets go to the member the admin picked (idempotent). */
export const handler = eventHandler({
  contract: MemberDeactivated,
  name: 'ReassignDeactivatedMemberTickets',
  deps: depsFromEnv(),
  handle: async (detail, { deps, log }) => {
    const moved = await reassignMemberTickets(deps, detail.workspaceId, detail);
    log.info('tickets reassigned', { memberId: detail.memberId, reassignTo: detail.reassignTo, moved });
  },
});
