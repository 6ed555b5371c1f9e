import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';
import { createTask } from '../../shared/tasks/create-task';
import { tasksRoutes } from '../../shared/tasks/tasks-routes';

const deps = depsFromEnv();

export const createTaskRoute = implement(tasksRoutes.CreateTask, async ({ auth, body }) => {
  const task = await createTask(deps, auth, body);
  return {
    statusCode: 201,
    body: task,
    headers: { etag: etagOf(task.version), location: `/api/tasks/${task.id}` },
  };
});
