import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';
import { MemberDeactivated } from '../../shared/team/member-events';
import { reassignOwnedRecords } from '../../shared/team/reassign-owned-records';

/** member.deactivated: the member's contacts and companies go to the member the admin picked. */
export const handler = eventHandler({
  contract: MemberDeactivated,
  name: 'ReassignOwnedRecords',
  deps: depsFromEnv(),
  handle: (detail, { deps }) =>
    reassignOwnedRecords(deps, detail.workspaceId, detail.memberId, detail.reassignTo),
});
