import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';
import { reassignMemberTasks } from '../../shared/tasks/reassign-member-tasks';
import { MemberDeactivated } from '../../shared/team/member-events';

/** member.deactivated: the member's open tasks go to the member the admin picked. */
export const handler = eventHandler({
  contract: MemberDeactivated,
  name: 'ReassignDeactivatedMemberTasks',
  deps: depsFromEnv(),
  handle: (detail, { deps }) => reassignMemberTasks(deps, detail.workspaceId, detail),
});
