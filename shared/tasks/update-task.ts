import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError } from '../platform/errors';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { activeMemberCheck, notAnActiveMember } from '../team/active-member-check';
import { getTask } from './get-task';
import type { Task, TaskPatch } from './task';
import { TaskCompleted, TaskReopened, TaskUpdated } from './task-events';
import { taskItem } from './task-item';
import {
  noSuchRelatedRecord,
  openWorkWrites,
  relatedRecordCheck,
  taskEventData,
  unchangedSince,
} from './task-writes';

const editable = ['title', 'notes', 'dueAt', 'priority', 'assigneeId', 'related'] as const;

/** The task a patch makes of `current` (pure): `done` stamps or clears completion, a new due time re-arms task.due. */
export function patchedTask(current: Task, patch: TaskPatch, by: string, now: Date): Task {
  const next: Record<string, unknown> = { ...current };
  for (const field of editable) {
    const value = patch[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  if (patch.done === true && !current.done) {
    next.done = true;
    next.completedAt = now.toISOString();
    next.completedBy = by;
  } else if (patch.done === false && current.done) {
    next.done = false;
    delete next.completedAt;
    delete next.completedBy;
  }
  // task.due goes out once per due time: a new one is announced again when it comes
  if (next.dueAt !== current.dueAt) delete next.dueAnnouncedAt;
  next.version = current.version + 1;
  next.updatedAt = now.toISOString();
  return next as Task;
}

export function changedFieldsOf(before: Task, after: Task): string[] {
  return editable.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * Changes a task over the version the client saw (If-Match): completes or reopens it, reassigns it, moves
 * it to another record, in one transaction with its index keys, the open work of the contacts it touches,
 * the checks of a new assignee and a new related record, and its events. The due sweep may announce the
 * task between the read and the write without changing its version: the write is conditioned on what it
 * read, and tried again on the fresh task when only that moved.
 */
export async function updateTask(
  deps: Deps,
  caller: Pick<AuthContext, 'workspaceId' | 'userId'>,
  taskId: string,
  patch: TaskPatch,
  expectedVersion: number,
): Promise<Task> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await tryUpdate(deps, caller, taskId, patch, expectedVersion);
    if (outcome !== 'announced meanwhile') return outcome;
    if (attempt >= 3) throw new ConflictError('task.version_conflict');
  }
}

async function tryUpdate(
  { store, clock }: Deps,
  { workspaceId, userId }: Pick<AuthContext, 'workspaceId' | 'userId'>,
  taskId: string,
  patch: TaskPatch,
  expectedVersion: number,
): Promise<Task | 'announced meanwhile'> {
  const now = clock();
  const current = await getTask({ store }, workspaceId, taskId);
  if (current.version !== expectedVersion) throw new ConflictError('task.version_conflict');
  const next = patchedTask(current, patch, userId, now);
  const changedFields = changedFieldsOf(current, next);
  const checksAssignee =
    !next.done && (next.assigneeId !== current.assigneeId || (current.done && !next.done));
  const checksRelated =
    next.related !== undefined && JSON.stringify(next.related) !== JSON.stringify(current.related);
  const data = taskEventData(next);
  const events = [
    ...(changedFields.length > 0
      ? [pendingEvent(TaskUpdated, { ...data, changedFields, updatedBy: userId })]
      : []),
    ...(next.done && !current.done ? [pendingEvent(TaskCompleted, { ...data, completedBy: userId })] : []),
    ...(!next.done && current.done ? [pendingEvent(TaskReopened, { ...data, reopenedBy: userId })] : []),
  ];
  const writes: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: taskItem(workspaceId, next),
        ...unchangedSince(current),
      },
    },
  ];
  const assigneeAt = writes.length;
  if (checksAssignee) writes.push(activeMemberCheck(store.tableName, workspaceId, next.assigneeId));
  const relatedAt = writes.length;
  if (checksRelated && next.related)
    writes.push(relatedRecordCheck(store.tableName, workspaceId, next.related));
  writes.push(
    ...openWorkWrites(store.tableName, workspaceId, current, next),
    ...outboxWrite(store.tableName, workspaceId, events, now),
  );
  try {
    await writeTransaction(store, writes);
  } catch (error) {
    const reasons = cancellationReasons(error);
    const stale = reasons && failedAt(reasons, 0);
    if (stale) {
      if (!stale.item) throw new NotFoundError('task.not_found');
      if (stale.item.version === expectedVersion) return 'announced meanwhile';
      throw new ConflictError('task.version_conflict');
    }
    if (reasons && checksAssignee && failedAt(reasons, assigneeAt)) throw notAnActiveMember('assigneeId');
    if (reasons && checksRelated && next.related && failedAt(reasons, relatedAt))
      throw noSuchRelatedRecord(next.related);
    throw error;
  }
  return next;
}
