import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import { GetCommand } from '../store/document-client';
import type { Task } from './task';
import { taskFromItem } from './task-item';
import { tasksKeys } from './tasks-keys';

/** One strongly consistent GetItem; an id that cannot exist (or another workspace's task) is not found. */
export async function getTask(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  taskId: string,
): Promise<Task> {
  if (!isId(taskId)) throw new NotFoundError('task.not_found');
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: tasksKeys.task(workspaceId, taskId),
      ConsistentRead: true,
    }),
  );
  if (!result.Item) throw new NotFoundError('task.not_found');
  return taskFromItem(result.Item);
}
