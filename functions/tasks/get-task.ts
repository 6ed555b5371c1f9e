import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { getTask } from '../../shared/tasks/get-task';
import { tasksRoutes } from '../../shared/tasks/tasks-routes';

const deps = depsFromEnv();

export const getTaskRoute = implement(tasksRoutes.GetTask, async ({ auth, params }) => {
  const task = await getTask(deps, auth.workspaceId, params.taskId);
  return { body: task, headers: { etag: etagOf(task.version) } };
});
