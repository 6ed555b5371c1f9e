import { type KeyPair, ws } from '../store/key-parts';
import { teamKeys } from '../team/team-keys';

/** A record a task can be about, as its partition names it. */
export type TaskRelatedKind = 'CONTACT' | 'COMPANY' | 'DEAL';

/** Sorts after every ISO time: a task without a due time comes last in a list by due time. */
export const noDueSentinel = '~';

/** `<dueAt or ~>#<id>`: the sort key of open tasks, by due time, those without one last. */
export const dueSortKey = (dueAt: string | undefined, taskId: string) =>
  `${dueAt ?? noDueSentinel}#${taskId}`;

/** The sort-key prefixes of a record's open and done tasks on byParent. */
export const recordOpenTasksPrefix = 'OPEN#';
export const recordDoneTasksPrefix = 'DONE#';

/**
 * Tasks. Built here and nowhere else (keys.ts gathers them); golden tests pin the strings. A task is one
 * item in its own partition; its index keys say where it is listed, and change with its state:
 * - byCollection `WS#w#OPEN_TASKS` / `<due>#<id>` while open (all, overdue, due today), `WS#w#DONE_TASKS` /
 *   `<completedAt>#<id>` once done (read newest first);
 * - byOwner `WS#w#MEMBER#m#OPEN_TASKS` / `<due>#<id>` while open ("my open tasks", and mine overdue/today);
 * - byName, used as a time index, `WS#w#TASKS_DUE` / `<dueAt>#<id>` while open with a due time that task.due
 *   has not announced yet (the due sweep's queue);
 * - byParent `WS#w#<CONTACT|COMPANY>#<recordId>#TASKS` / `OPEN#<due>#<id>` or `DONE#<completedAt>#<id>` for
 *   the record it is about (that record's tasks, and erasure).
 */
export const tasksKeys = {
  task: (workspaceId: string, taskId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#TASK#${taskId}`,
    sk: 'TASK',
  }),
  openTasks: (workspaceId: string, dueAt: string | undefined, taskId: string) => ({
    gsi1pk: tasksKeys.openTasksPartition(workspaceId),
    gsi1sk: dueSortKey(dueAt, taskId),
  }),
  openTasksPartition: (workspaceId: string) => `${ws(workspaceId)}#OPEN_TASKS`,
  doneTasks: (workspaceId: string, completedAt: string, taskId: string) => ({
    gsi1pk: tasksKeys.doneTasksPartition(workspaceId),
    gsi1sk: `${completedAt}#${taskId}`,
  }),
  doneTasksPartition: (workspaceId: string) => `${ws(workspaceId)}#DONE_TASKS`,
  memberOpenTasks: (workspaceId: string, memberId: string, dueAt: string | undefined, taskId: string) =>
    teamKeys.ownedBy(workspaceId, memberId, 'OPEN_TASKS', dueSortKey(dueAt, taskId)),
  memberOpenTasksPartition: (workspaceId: string, memberId: string) =>
    teamKeys.ownedByPartition(workspaceId, memberId, 'OPEN_TASKS'),
  dueTask: (workspaceId: string, dueAt: string, taskId: string) => ({
    gsi2pk: tasksKeys.dueTasksPartition(workspaceId),
    gsi2sk: `${dueAt}#${taskId}`,
  }),
  dueTasksPartition: (workspaceId: string) => `${ws(workspaceId)}#TASKS_DUE`,
  recordTask: (
    workspaceId: string,
    kind: TaskRelatedKind,
    recordId: string,
    state: { open: true; dueAt: string | undefined } | { open: false; completedAt: string },
    taskId: string,
  ) => ({
    gsi3pk: tasksKeys.recordTasksPartition(workspaceId, kind, recordId),
    gsi3sk: state.open
      ? `${recordOpenTasksPrefix}${dueSortKey(state.dueAt, taskId)}`
      : `${recordDoneTasksPrefix}${state.completedAt}#${taskId}`,
  }),
  recordTasksPartition: (workspaceId: string, kind: TaskRelatedKind, recordId: string) =>
    `${ws(workspaceId)}#${kind}#${recordId}#TASKS`,
  contactTasksPartition: (workspaceId: string, contactId: string) =>
    tasksKeys.recordTasksPartition(workspaceId, 'CONTACT', contactId),
};
