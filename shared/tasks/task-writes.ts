import { openWorkRemove, openWorkSet } from '../activities/open-work';
import { dealsKeys } from '../deals/deals-keys';
import { ValidationError } from '../platform/errors';
import { recordKeys } from '../records/record-keys';
import type { TransactItem } from '../store/transactions';
import type { RelatedRecord, Task } from './task';
import type { TaskSummary } from './task-events';
import { openWorkContactOf } from './task-item';

/** The check that the record a task is about exists in the workspace, inside the task's transaction. */
export function relatedRecordCheck(
  tableName: string,
  workspaceId: string,
  related: RelatedRecord,
): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key:
        related.kind === 'deal'
          ? dealsKeys.deal(workspaceId, related.id)
          : recordKeys.record(workspaceId, related.kind === 'contact' ? 'CONTACT' : 'COMPANY', related.id),
      ConditionExpression: 'attribute_exists(pk)',
    },
  };
}

export function noSuchRelatedRecord(related: RelatedRecord): ValidationError {
  return new ValidationError({ 'related.id': `There is no ${related.kind} with this id.` });
}

/**
 * Keeps the open work of the contacts a change touches in step (decision 150): the task leaves the open work
 * of the contact it was open under when it is closed, deleted or moved, and is (re)written on the contact it
 * is open under after the change (its title, due time, priority or assignee may have changed).
 */
export function openWorkWrites(
  tableName: string,
  workspaceId: string,
  before: Task | undefined,
  after: Task | undefined,
): TransactItem[] {
  const was = before ? openWorkContactOf(before) : undefined;
  const is = after ? openWorkContactOf(after) : undefined;
  return [
    ...(was && was !== is ? [openWorkRemove(tableName, workspaceId, was, 'task', (before as Task).id)] : []),
    ...(is && after
      ? [
          openWorkSet(tableName, workspaceId, is, {
            kind: 'task',
            id: after.id,
            title: after.title,
            priority: after.priority,
            ...(after.dueAt ? { dueAt: after.dueAt } : {}),
            assigneeId: after.assigneeId,
            updatedAt: after.updatedAt,
          }),
        ]
      : []),
  ];
}

/** What events carry of a task, and the contact it is about (the event's personal subject). */
export function taskEventData(task: Task): { task: TaskSummary; contactId?: string } {
  return {
    task: {
      id: task.id,
      title: task.title,
      ...(task.dueAt ? { dueAt: task.dueAt } : {}),
      priority: task.priority,
      assigneeId: task.assigneeId,
      ...(task.related ? { related: task.related } : {}),
      done: task.done,
    },
    ...(task.related?.kind === 'contact' ? { contactId: task.related.id } : {}),
  };
}

/**
 * The condition of a write over a task as it was read: the same version, and task.due announced or not as
 * it was. The due sweep announces without a new version (an edit of the task should not conflict with it),
 * so a write of the whole item checks both, or it could queue an announced task a second time.
 */
export function unchangedSince(read: Task) {
  return {
    ConditionExpression: read.dueAnnouncedAt
      ? 'attribute_exists(pk) AND #version = :read AND dueAnnouncedAt = :announced'
      : 'attribute_exists(pk) AND #version = :read AND attribute_not_exists(dueAnnouncedAt)',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: {
      ':read': read.version,
      ...(read.dueAnnouncedAt ? { ':announced': read.dueAnnouncedAt } : {}),
    },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}
