import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { queryIndexPages } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { TaskDue } from './task-events';
import { taskFromItem } from './task-item';
import { taskEventData } from './task-writes';
import { tasksKeys } from './tasks-keys';

/** Tasks announced per workspace and run at most; the next run (a minute later) takes the rest. */
const maxPerWorkspace = 1000;
const pageSize = 100;
const concurrency = 10;

/**
 * Emits task.due once for every open task of one workspace whose due time has come (the job frame runs it
 * every minute for every registered workspace). Primary course:
 * 1. Query the workspace's due queue (byName `WS#w#TASKS_DUE`, sort key before now);
 * 2. per task, one transaction: stamp `dueAnnouncedAt` and take the task off the queue, on condition that
 *    it is still queued under the same due time and open, plus the outbox item with task.due. A second run,
 *    two at once, or a redelivered schedule fail the condition and emit nothing more.
 */
export async function announceDueTasksInWorkspace(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
): Promise<{ announced: number; skipped: number }> {
  const now = clock();
  let announced = 0;
  let skipped = 0;
  let seen = 0;
  const pages = queryIndexPages(store, crmTable.indexes.byName, tasksKeys.dueTasksPartition(workspaceId), {
    // '~' sorts after '#', so every task due at or before this instant is included
    before: `${now.toISOString()}#~`,
    pageSize,
  });
  for await (const due of pages) {
    seen += due.length;
    for (let at = 0; at < due.length; at += concurrency) {
      const outcomes = await Promise.all(
        due.slice(at, at + concurrency).map((item) => announceOne(store, workspaceId, item, now)),
      );
      for (const outcome of outcomes) outcome ? announced++ : skipped++;
    }
    if (seen >= maxPerWorkspace) break;
  }
  return { announced, skipped };
}

async function announceOne(store: Store, workspaceId: string, item: Record<string, unknown>, now: Date) {
  const task = taskFromItem(item);
  try {
    await writeTransaction(store, [
      {
        Update: {
          TableName: store.tableName,
          Key: tasksKeys.task(workspaceId, task.id),
          UpdateExpression: 'SET dueAnnouncedAt = :now REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'gsi2sk = :queued AND dueAt = :dueAt AND done = :open',
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ':queued': item.gsi2sk,
            ':dueAt': task.dueAt,
            ':open': false,
          },
        },
      },
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [pendingEvent(TaskDue, taskEventData({ ...task, dueAnnouncedAt: now.toISOString() }))],
        now,
      ),
    ]);
    return true;
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) return false;
    throw error;
  }
}
