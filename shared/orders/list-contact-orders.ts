import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getContact } from '../contacts/get-contact';
import type { Deps } from '../platform/deps';
import { withoutKeys } from '../records/record-store';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { keys } from '../store/keys';
import { crmTable } from '../store/table';
import { type ContactOrdersPage, type ContactOrdersQuery, Order } from './order';
import { presentStats, type StoredPurchaseStats } from './purchase-stats';

/**
 * A contact's orders, newest first (byParent), with its purchase statistics: for the contact's timeline.
 * A contact of another workspace, or none, is not found.
 */
export async function listContactOrders(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  contactId: string,
  query: ContactOrdersQuery,
): Promise<ContactOrdersPage> {
  await getContact({ store }, workspaceId, contactId);
  const index = crmTable.indexes.byParent;
  const partition = keys.contactOrdersPartition(workspaceId, contactId);
  const startKey = decodeCursor(query.cursor, {
    workspacePrefix: keys.workspacePrefix(workspaceId),
    index,
    partition,
  });
  const [page, stats] = await Promise.all([
    store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk`,
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: startKey,
      }),
    ),
    store.client.send(
      new GetCommand({ TableName: store.tableName, Key: keys.contactPurchases(workspaceId, contactId) }),
    ),
  ]);
  const storedStats = stats.Item ? withoutKeys<StoredPurchaseStats>(stats.Item) : undefined;
  return {
    purchases: storedStats ? presentStats(storedStats) : null,
    items: (page.Items ?? []).map((item) => Order.parse(withoutKeys(item))),
    nextCursor: encodeCursor(page.LastEvaluatedKey),
  };
}
