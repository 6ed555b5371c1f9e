import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '../platform/platform-keys';
import type { Item } from '../records/record-store';
import { decodeCursor, encodeCursor } from '../store/cursor';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { type OwnedCollection, teamKeys } from './team-keys';

/**
 * One page of what a member owns, newest first: ONE Query of the byOwner index ("my contacts"). A tag
 * narrows it with a filter, so a page may come back short with a cursor. The items are whole records
 * (the index projects every attribute).
 */
export async function ownedRecordsPage(
  store: Store,
  workspaceId: string,
  ownerId: string,
  collection: OwnedCollection,
  page: { limit: number; cursor?: string; tag?: string },
): Promise<{ items: Item[]; nextCursor?: string }> {
  const index = crmTable.indexes.byOwner;
  const partition = teamKeys.ownedByPartition(workspaceId, ownerId, collection);
  const result = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk`,
      ...(page.tag ? { FilterExpression: 'contains(tags, :tag)' } : {}),
      ExpressionAttributeValues: { ':pk': partition, ...(page.tag ? { ':tag': page.tag } : {}) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, {
        workspacePrefix: platformKeys.workspacePrefix(workspaceId),
        index,
        partition,
      }),
    }),
  );
  return { items: result.Items ?? [], nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
