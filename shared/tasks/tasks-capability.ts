import { defineCapability } from '../platform/capability';
import { TaskCompleted, TaskCreated, TaskDeleted, TaskDue, TaskReopened, TaskUpdated } from './task-events';
import { tasksErrors } from './tasks-errors';
import { tasksKeys } from './tasks-keys';
import { tasksPersonalData } from './tasks-personal-data';
import { tasksRoutes } from './tasks-routes';

export const tasksCapability = defineCapability({
  name: 'tasks',
  description: 'Tasks of the team: due times, assignees, priorities, about a contact or company',
  routes: tasksRoutes,
  api: {
    handler: 'tasks/tasks-api',
    access: {
      table: 'readWrite',
    },
  },
  background: [
    {
      name: 'AnnounceDueTasks',
      handler: 'tasks/announce-due-tasks',
      description: 'Emit task.due once for each open task whose due time has come',
      trigger: {
        kind: 'schedule',
        expression: 'rate(1 minute)',
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 60,
    },
    {
      name: 'ReassignDeactivatedMemberTasks',
      handler: 'tasks/reassign-deactivated-member-tasks',
      description: 'Hand the open tasks of a deactivated member to the member the admin picked',
      trigger: {
        kind: 'event',
        pattern: {
          source: ['crm'],
          'detail-type': ['member.deactivated'],
        },
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 300,
    },
  ],
  events: [TaskCreated, TaskUpdated, TaskCompleted, TaskReopened, TaskDeleted, TaskDue],
  errors: tasksErrors,
  personalData: tasksPersonalData,
  keys: tasksKeys,
});
