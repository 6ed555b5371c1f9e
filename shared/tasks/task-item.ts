import { withoutKeys } from '../records/record-store';
import type { RelatedRecord, Task } from './task';
import { type TaskRelatedKind, tasksKeys } from './tasks-keys';

const relatedKinds: Record<RelatedRecord['kind'], TaskRelatedKind> = {
  contact: 'CONTACT',
  company: 'COMPANY',
  deal: 'DEAL',
};

export const relatedKindOf = (related: RelatedRecord): TaskRelatedKind => relatedKinds[related.kind];

/**
 * The index keys a task is filed under, from its state alone (pure: unit-tested). Open: all open by due
 * time, its assignee's open tasks, the due queue while task.due has not gone out for this due time. Done:
 * the done list. Either way, under the record it is about.
 */
export function taskIndexKeys(workspaceId: string, task: Task): Record<string, string> {
  const related = task.related
    ? tasksKeys.recordTask(
        workspaceId,
        relatedKindOf(task.related),
        task.related.id,
        task.done
          ? { open: false, completedAt: task.completedAt ?? task.updatedAt }
          : { open: true, dueAt: task.dueAt },
        task.id,
      )
    : {};
  if (task.done) {
    return { ...tasksKeys.doneTasks(workspaceId, task.completedAt ?? task.updatedAt, task.id), ...related };
  }
  return {
    ...tasksKeys.openTasks(workspaceId, task.dueAt, task.id),
    ...tasksKeys.memberOpenTasks(workspaceId, task.assigneeId, task.dueAt, task.id),
    ...(task.dueAt && !task.dueAnnouncedAt ? tasksKeys.dueTask(workspaceId, task.dueAt, task.id) : {}),
    ...related,
  };
}

/** The task's item: its key, the index keys its state files it under, and the task. */
export function taskItem(workspaceId: string, task: Task): Record<string, unknown> {
  return {
    ...tasksKeys.task(workspaceId, task.id),
    ...taskIndexKeys(workspaceId, task),
    entity: 'task',
    ...task,
  };
}

export const taskFromItem = (item: Record<string, unknown>): Task => withoutKeys<Task>(item);

/** The contact whose open work lists the task: only an open task about a contact. */
export const openWorkContactOf = (task: Task): string | undefined =>
  !task.done && task.related?.kind === 'contact' ? task.related.id : undefined;
