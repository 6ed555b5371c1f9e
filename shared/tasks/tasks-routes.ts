import { defineRoutes } from '../platform/capability';
import { everyone } from '../platform/roles';
import { Task, TaskInput, TaskPage, TaskPatch, TaskPath, TasksQuery } from './task';

/** The routes of tasks: what each accepts, answers and who may call it. */
export const tasksRoutes = defineRoutes({
  ListTasks: {
    method: 'GET',
    path: '/api/tasks',
    roles: everyone,
    summary:
      'Tasks by view: mine, overdue, today (in timeZone), all open, done; or a contact’s or company’s; one index Query a page',
    query: TasksQuery,
    response: TaskPage,
  },
  CreateTask: {
    method: 'POST',
    path: '/api/tasks',
    roles: everyone,
    summary:
      'Create a task, assigned to an active member (the caller by default), maybe about a contact or company',
    body: TaskInput,
    response: Task,
    status: 201,
  },
  GetTask: {
    method: 'GET',
    path: '/api/tasks/{taskId}',
    roles: everyone,
    summary: 'Read one task',
    params: TaskPath,
    response: Task,
  },
  UpdateTask: {
    method: 'PATCH',
    path: '/api/tasks/{taskId}',
    roles: everyone,
    summary: 'Change, complete (done: true), reopen (done: false) or reassign a task (If-Match version)',
    params: TaskPath,
    body: TaskPatch,
    response: Task,
    ifMatch: true,
  },
  DeleteTask: {
    method: 'DELETE',
    path: '/api/tasks/{taskId}',
    roles: everyone,
    summary: 'Delete a task (task.deleted)',
    params: TaskPath,
    status: 204,
  },
});
