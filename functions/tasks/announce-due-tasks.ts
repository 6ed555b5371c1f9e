import { depsFromEnv } from '../../shared/platform/deps';
import { workspaceJob } from '../../shared/platform/job-frame';
import { announceDueTasksInWorkspace } from '../../shared/tasks/announce-due-tasks';

/** Every minute (its capability's schedule): task.due for open tasks whose due time has come, per workspace. */
export const handler = workspaceJob({
  name: 'AnnounceDueTasks',
  deps: depsFromEnv(),
  runForWorkspace: (deps, workspaceId) => announceDueTasksInWorkspace(deps, workspaceId),
});
