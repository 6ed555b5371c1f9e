import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { deleteTask } from '../../shared/tasks/delete-task';
import { tasksRoutes } from '../../shared/tasks/tasks-routes';

const deps = depsFromEnv();

export const deleteTaskRoute = implement(tasksRoutes.DeleteTask, async ({ auth, params }) => {
  await deleteTask(deps, auth, params.taskId);
  return { statusCode: 204 };
});
