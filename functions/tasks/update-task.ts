import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';
import { tasksRoutes } from '../../shared/tasks/tasks-routes';
import { updateTask } from '../../shared/tasks/update-task';

const deps = depsFromEnv();

export const updateTaskRoute = implement(tasksRoutes.UpdateTask, async ({ auth, params, body, headers }) => {
  const task = await updateTask(deps, auth, params.taskId, body, versionFromIfMatch(headers['if-match']));
  return { body: task, headers: { etag: etagOf(task.version) } };
});
