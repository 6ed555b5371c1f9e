import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { tasksErrors } from '../../shared/tasks/tasks-errors';
import { tasksRoutes } from '../../shared/tasks/tasks-routes';
import { createTaskRoute } from './create-task';
import { deleteTaskRoute } from './delete-task';
import { getTaskRoute } from './get-task';
import { listTasksRoute } from './list-tasks';
import { updateTaskRoute } from './update-task';

/** The tasks API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  tasksRoutes,
  {
    ListTasks: listTasksRoute,
    CreateTask: createTaskRoute,
    GetTask: getTaskRoute,
    UpdateTask: updateTaskRoute,
    DeleteTask: deleteTaskRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [tasksErrors] },
);
