import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { queryIndexPages } from '../store/queries';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { getTask } from './get-task';
import { TaskUpdated } from './task-events';
import { taskItem } from './task-item';
import { openWorkWrites, taskEventData, unchangedSince } from './task-writes';
import { tasksKeys } from './tasks-keys';

const pageSize = 100;

/**
 * A deactivated member's open tasks go to the member the admin picked (member.deactivated). Primary course:
 * 1. page through the member's open tasks (byOwner `WS#w#MEMBER#m#OPEN_TASKS`);
 * 2. per task, read it (strongly consistent) and, while it is still open and the member's, write it to
 *    `reassignTo` over the version read (version + 1, its index keys moved), with the contact's open work
 *    and task.updated, in one transaction. A task done, reassigned or deleted meanwhile is skipped, so a
 *    redelivered event changes nothing more. The admin's pick was checked to be active by the team routes.
 */
export async function reassignMemberTasks(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  change: { memberId: string; reassignTo: string; deactivatedBy: string },
): Promise<{ reassigned: number; skipped: number }> {
  let reassigned = 0;
  let skipped = 0;
  const pages = queryIndexPages(
    store,
    crmTable.indexes.byOwner,
    tasksKeys.memberOpenTasksPartition(workspaceId, change.memberId),
    { attributes: ['id'], pageSize },
  );
  for await (const items of pages) {
    for (const item of items) (await reassignOne(String(item.id))) ? reassigned++ : skipped++;
  }
  return { reassigned, skipped };

  async function reassignOne(taskId: string): Promise<boolean> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const current = await getTask({ store }, workspaceId, taskId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      if (!current || current.done || current.assigneeId !== change.memberId) return false;
      const now = clock();
      const next = {
        ...current,
        assigneeId: change.reassignTo,
        version: current.version + 1,
        updatedAt: now.toISOString(),
      };
      try {
        await writeTransaction(store, [
          {
            Put: {
              TableName: store.tableName,
              Item: taskItem(workspaceId, next),
              ...unchangedSince(current),
            },
          },
          ...openWorkWrites(store.tableName, workspaceId, current, next),
          ...outboxWrite(
            store.tableName,
            workspaceId,
            [
              pendingEvent(TaskUpdated, {
                ...taskEventData(next),
                changedFields: ['assigneeId'],
                updatedBy: change.deactivatedBy,
              }),
            ],
            now,
          ),
        ]);
        return true;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!(reasons && failedAt(reasons, 0))) throw error;
        // changed since it was read (completed, edited, announced): read it again
      }
    }
    throw new Error(`task ${taskId} kept changing while it was reassigned`);
  }
}
