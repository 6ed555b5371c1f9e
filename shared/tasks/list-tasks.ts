import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { platformKeys } from '../platform/platform-keys';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { QueryCommand } from '../store/document-client';
import { crmTable, type IndexName } from '../store/table';
import { dayBoundsIn } from './day-bounds';
import type { TaskPage, TasksQuery } from './task';
import { taskFromItem } from './task-item';
import { recordDoneTasksPrefix, recordOpenTasksPrefix, tasksKeys } from './tasks-keys';

/** One Query of one index partition: the sort-key condition, the order, and the sort prefix a cursor keeps. */
export interface TaskListQuery {
  index: IndexName;
  partition: string;
  sortKey?:
    | { op: '<'; value: string }
    | { op: 'between'; from: string; to: string }
    | { op: 'begins_with'; prefix: string };
  newestFirst?: boolean;
}

/**
 * Which index partition and sort-key range answer a list of tasks (pure: unit-tested). Every view is one
 * Query, never a scan or a filter: open tasks sort by `<due>#<id>` (no due time: `~`, last), so overdue is
 * `< now` and due today is the day's bounds in the caller's time zone.
 */
export function taskListQuery(
  caller: Pick<AuthContext, 'workspaceId' | 'userId'>,
  query: Pick<TasksQuery, 'view' | 'timeZone' | 'assigneeId' | 'contactId' | 'companyId' | 'dealId'>,
  now: Date,
): TaskListQuery {
  const { workspaceId } = caller;
  const record = query.contactId
    ? tasksKeys.recordTasksPartition(workspaceId, 'CONTACT', query.contactId)
    : query.companyId
      ? tasksKeys.recordTasksPartition(workspaceId, 'COMPANY', query.companyId)
      : query.dealId
        ? tasksKeys.recordTasksPartition(workspaceId, 'DEAL', query.dealId)
        : undefined;
  if (record) {
    return query.view === 'done'
      ? {
          index: 'byParent',
          partition: record,
          sortKey: { op: 'begins_with', prefix: recordDoneTasksPrefix },
          newestFirst: true,
        }
      : {
          index: 'byParent',
          partition: record,
          sortKey: { op: 'begins_with', prefix: recordOpenTasksPrefix },
        };
  }
  const view = query.view ?? 'mine';
  if (view === 'done')
    return { index: 'byCollection', partition: tasksKeys.doneTasksPartition(workspaceId), newestFirst: true };
  const assignee = view === 'mine' ? caller.userId : query.assigneeId;
  const open = assignee
    ? { index: 'byOwner' as const, partition: tasksKeys.memberOpenTasksPartition(workspaceId, assignee) }
    : { index: 'byCollection' as const, partition: tasksKeys.openTasksPartition(workspaceId) };
  if (view === 'overdue') return { ...open, sortKey: { op: '<', value: now.toISOString() } };
  if (view === 'today') {
    const { start, end } = dayBoundsIn(query.timeZone ?? 'UTC', now);
    // `<start>#…` sorts after `<start>`, `<end>#…` after `<end>`: from the day's first instant, before the next day's
    return { ...open, sortKey: { op: 'between', from: start.toISOString(), to: end.toISOString() } };
  }
  return open;
}

/** One page of tasks: one Query of the index partition the view names, its cursor checked to belong to it. */
export async function listTasks(
  { store, clock }: Deps,
  caller: Pick<AuthContext, 'workspaceId' | 'userId'>,
  query: TasksQuery,
): Promise<TaskPage> {
  const plan = taskListQuery(caller, query, clock());
  const index = crmTable.indexes[plan.index];
  const startKey = decodeCursor(query.cursor, {
    workspacePrefix: platformKeys.workspacePrefix(caller.workspaceId),
    index,
    partition: plan.partition,
    ...(plan.sortKey?.op === 'begins_with' ? { sortPrefix: plan.sortKey.prefix } : {}),
  });
  const condition = plan.sortKey
    ? plan.sortKey.op === '<'
      ? { expression: `${index.sortKey} < :before`, values: { ':before': plan.sortKey.value } }
      : plan.sortKey.op === 'between'
        ? {
            expression: `${index.sortKey} BETWEEN :from AND :to`,
            values: { ':from': plan.sortKey.from, ':to': plan.sortKey.to },
          }
        : { expression: `begins_with(${index.sortKey}, :prefix)`, values: { ':prefix': plan.sortKey.prefix } }
    : undefined;
  const result = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk${condition ? ` AND ${condition.expression}` : ''}`,
      ExpressionAttributeValues: { ':pk': plan.partition, ...condition?.values },
      ...(plan.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: (result.Items ?? []).map(taskFromItem), ...(nextCursor ? { nextCursor } : {}) };
}
