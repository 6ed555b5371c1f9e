import { reassignMemberDeals } from '../../shared/deals/deal-housekeeping';
import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';
import { MemberDeactivated } from '../../shared/team/member-events';

/** member.deactivated: the member's deals go to the member the admin picked (idempotent). */
export const handler = eventHandler({
  contract: MemberDeactivated,
  name: 'ReassignDeactivatedMemberDeals',
  deps: depsFromEnv(),
  handle: async (detail, { deps, log }) => {
    const moved = await reassignMemberDeals(deps, detail.workspaceId, detail);
    log.info('deals reassigned', { memberId: detail.memberId, reassignTo: detail.reassignTo, moved });
  },
});
