import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { newId } from '../platform/ids';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { activeMemberCheck, notAnActiveMember } from '../team/active-member-check';
import type { Task, TaskInput } from './task';
import { TaskCreated } from './task-events';
import { taskItem } from './task-item';
import { noSuchRelatedRecord, openWorkWrites, relatedRecordCheck, taskEventData } from './task-writes';

/**
 * Creates a task, assigned to the caller unless it names another member. Primary course, one transaction:
 * 1. put the task, filed open on its indexes;
 * 2. check that the assignee is an active member (400 `assigneeId` otherwise);
 * 3. check that the related record exists in the workspace (400 `related.id` otherwise);
 * 4. put the task on the contact's open work, when it is about a contact;
 * 5. the outbox item with task.created.
 */
export async function createTask(
  { store, clock }: Deps,
  caller: Pick<AuthContext, 'workspaceId' | 'userId'>,
  input: TaskInput,
): Promise<Task> {
  const now = clock();
  const { workspaceId } = caller;
  const task: Task = {
    id: newId(now.getTime()),
    title: input.title,
    ...(input.notes ? { notes: input.notes } : {}),
    ...(input.dueAt ? { dueAt: input.dueAt } : {}),
    priority: input.priority,
    assigneeId: input.assigneeId ?? caller.userId,
    ...(input.related ? { related: input.related } : {}),
    done: false,
    createdBy: caller.userId,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const relatedAt = 2;
  const writes: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: taskItem(workspaceId, task),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    activeMemberCheck(store.tableName, workspaceId, task.assigneeId),
    ...(input.related ? [relatedRecordCheck(store.tableName, workspaceId, input.related)] : []),
    ...openWorkWrites(store.tableName, workspaceId, undefined, task),
    ...outboxWrite(
      store.tableName,
      workspaceId,
      [pendingEvent(TaskCreated, { ...taskEventData(task), createdBy: caller.userId })],
      now,
    ),
  ];
  try {
    await writeTransaction(store, writes);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 1)) throw notAnActiveMember('assigneeId');
    if (reasons && input.related && failedAt(reasons, relatedAt)) throw noSuchRelatedRecord(input.related);
    throw error;
  }
  return task;
}
