import { describe, expect, inject, it } from 'vitest';
import { ordersKeys } from '../../shared/orders/orders-keys';
import { recordOrder, type ShopContext } from '../../shared/orders/record-order';
import { newId } from '../../shared/platform/ids';
import { GetCommand } from '../../shared/store/document-client';
import { newWorkspaceId, testTable } from '../support/api-client';
import { countingStore } from '../support/counting-store';
import { espressoOrder } from '../support/order-fixtures';

/**
 * Orders of one contact arriving together race on its purchase statistics: each is recorded once, the
 * statistics count every one (a lost race reads them again), and a redelivered order is answered with the
 * order recorded the first time, changing nothing.
 */
describe('recording orders', () => {
  const workspaceId = newWorkspaceId('orders');
  const connectionKey = newId();
  const context: ShopContext = {
    workspaceId,
    connectionId: `${workspaceId}.${connectionKey}`,
    connectionKey,
    source: 'shopify',
  };
  const { store } = countingStore(inject('dynamoDbEndpoint'), inject('tableName'));
  const deps = { store, clock: () => new Date() };

  it('records orders of one contact racing on its statistics once each, counted exactly; a redelivery changes nothing', async () => {
    const contactId = newId();
    const owner = { contactId, email: 'ada@example.com' };
    const placed = await Promise.all(
      Array.from({ length: 8 }, (_, at) =>
        recordOrder(deps, context, espressoOrder(`20${at}`, `2026-11-0${at + 1}T08:00:00Z`), owner),
      ),
    );
    expect(placed.map((result) => result.created)).toEqual(Array(8).fill(true));
    const stats = await testTable().client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: ordersKeys.contactPurchases(workspaceId, contactId),
      }),
    );
    expect(stats.Item).toMatchObject({
      count: 8,
      totals: { EUR: 8 * 2490 },
      firstOrderAt: '2026-11-01T08:00:00Z',
      lastOrderAt: '2026-11-08T08:00:00Z',
      lastOrderId: placed[7]?.order.id,
    });

    const before = await testTable().itemsOf(workspaceId);
    const again = await recordOrder(deps, context, espressoOrder('203', '2026-11-04T08:00:00Z'), owner);
    expect(again).toEqual({ order: placed[3]?.order, created: false });
    expect(await testTable().itemsOf(workspaceId)).toEqual(before);
  });
});
