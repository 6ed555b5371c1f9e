import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { listTasks } from '../../shared/tasks/list-tasks';
import { tasksRoutes } from '../../shared/tasks/tasks-routes';

const deps = depsFromEnv();

export const listTasksRoute = implement(tasksRoutes.ListTasks, async ({ auth, query }) => ({
  body: await listTasks(deps, auth, query),
}));
