import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { ConflictError } from '../platform/errors';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { getTask } from './get-task';
import { TaskDeleted } from './task-events';
import { openWorkWrites } from './task-writes';
import { tasksKeys } from './tasks-keys';

/**
 * Deletes a task with its open-work entry and task.deleted, in one transaction on the version it read (a
 * change in between, such as a move to another contact, makes it read again, so the right entry goes).
 */
export async function deleteTask(
  { store, clock }: Deps,
  { workspaceId, userId }: Pick<AuthContext, 'workspaceId' | 'userId'>,
  taskId: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await getTask({ store }, workspaceId, taskId);
    const now = clock();
    try {
      await writeTransaction(store, [
        {
          Delete: {
            TableName: store.tableName,
            Key: tasksKeys.task(workspaceId, taskId),
            ConditionExpression: 'attribute_exists(pk) AND #version = :read',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':read': current.version },
          },
        },
        ...openWorkWrites(store.tableName, workspaceId, current, undefined),
        ...outboxWrite(
          store.tableName,
          workspaceId,
          [
            pendingEvent(TaskDeleted, {
              taskId,
              title: current.title,
              ...(current.related?.kind === 'contact' ? { contactId: current.related.id } : {}),
              deletedBy: userId,
            }),
          ],
          now,
        ),
      ]);
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!(reasons && failedAt(reasons, 0))) throw error;
      // changed (or deleted) since it was read: read it again; a task that keeps changing is a conflict
      if (attempt >= 3) throw new ConflictError('task.version_conflict');
    }
  }
}
