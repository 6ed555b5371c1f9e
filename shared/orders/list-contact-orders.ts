import { getContact } from '../contacts/get-contact';
import type { Deps } from '../platform/deps';
import { withoutKeys } from '../records/record-store';
import { GetCommand } from '../store/document-client';
import { queryIndexPage } from '../store/queries';
import { crmTable } from '../store/table';
import { type ContactOrdersPage, type ContactOrdersQuery, Order } from './order';
import { ordersKeys } from './orders-keys';
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
  const [page, stats] = await Promise.all([
    queryIndexPage(
      store,
      workspaceId,
      crmTable.indexes.byParent,
      ordersKeys.contactOrdersPartition(workspaceId, contactId),
      {
        ...query,
        newestFirst: true,
      },
    ),
    store.client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: ordersKeys.contactPurchases(workspaceId, contactId),
      }),
    ),
  ]);
  const storedStats = stats.Item ? withoutKeys<StoredPurchaseStats>(stats.Item) : undefined;
  return {
    purchases: storedStats ? presentStats(storedStats) : null,
    items: page.items.map((item) => Order.parse(withoutKeys(item))),
    nextCursor: page.nextCursor,
  };
}
