import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../records/record-fields';
import { decodeCursor, encodeCursor } from './cursor';
import { keys } from './keys';
import type { Store } from './store';

type Item = Record<string, unknown>;

/**
 * Every item of a partition whose sort key starts with `skPrefix`, following the pages (strongly
 * consistent): for the small collections a workspace keeps in one partition (settings, a contact's lists).
 */
export async function queryAllWithPrefix(
  store: Store,
  { pk, skPrefix }: { pk: string; skPrefix: string },
  options: { newestFirst?: boolean } = {},
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page: QueryCommandOutput = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ConsistentRead: true,
        ...(options.newestFirst ? { ScanIndexForward: false } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * One page of an index partition for a client: its cursor is checked to belong to this partition of the
 * caller's workspace (a forged one is 400) and the next one is returned opaque.
 */
export async function queryIndexPage(
  store: Store,
  workspaceId: string,
  index: { name: string; partitionKey: string; sortKey: string },
  partition: string,
  page: { limit: number; cursor?: string; newestFirst?: boolean },
): Promise<Page<Item>> {
  const startKey = decodeCursor(page.cursor, {
    workspacePrefix: keys.workspacePrefix(workspaceId),
    index,
    partition,
  });
  const result = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
      ...(page.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: page.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: result.Items ?? [], nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
