import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { listShopConnections } from '../shops/shop-connections-store';
import { queryIndexPages } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { Checkout } from './order';
import { CartAbandoned } from './order-events';
import { ordersKeys } from './orders-keys';

/** Checkouts handled per workspace and run at most; the next run (15 minutes later) takes the rest. */
const maxPerWorkspace = 1000;
const pageSize = 100;
const concurrency = 10;

/**
 * Raises cart.abandoned once for every checkout of one workspace whose time has come (the job frame runs
 * it for every registered workspace). Primary course:
 * 1. Query the workspace's due checkouts (byCollection `WS#w#CHECKOUTS_DUE`, sort key before now);
 * 2. when some are due, read the workspace's shop connections (one Query): a deleted connection's checkouts
 *    are left alone, as before the registry, when only workspaces with connections were swept;
 * 3. per checkout, one transaction: mark it abandoned and take it off the index, on condition that it is
 *    still open, not abandoned yet and due (a completed or re-armed checkout is skipped), plus the outbox
 *    item with cart.abandoned. A second run, or two at once, raise nothing more.
 */
export async function raiseAbandonedCartsInWorkspace(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
): Promise<{ raised: number; skipped: number }> {
  return raiseInWorkspace(deps.store, workspaceId, deps.clock());
}

async function raiseInWorkspace(store: Store, workspaceId: string, now: Date) {
  let raised = 0;
  let skipped = 0;
  let seen = 0;
  let connections: Set<string> | undefined;
  const pages = queryIndexPages(
    store,
    crmTable.indexes.byCollection,
    ordersKeys.dueCheckoutsPartition(workspaceId),
    // '~' sorts after '#', so every entry due at or before this instant is included
    { before: `${now.toISOString()}#~`, pageSize },
  );
  for await (const due of pages) {
    seen += due.length;
    if (due.length > 0 && !connections) connections = await connectionIdsOf(store, workspaceId);
    const items = due.filter((item) => connections?.has(String(item.connectionId)));
    skipped += due.length - items.length;
    for (let at = 0; at < items.length; at += concurrency) {
      const outcomes = await Promise.all(
        items.slice(at, at + concurrency).map((item) => raiseOne(store, workspaceId, item, now)),
      );
      for (const outcome of outcomes) outcome ? raised++ : skipped++;
    }
    if (seen >= maxPerWorkspace) break;
  }
  return { raised, skipped };
}

async function connectionIdsOf(store: Store, workspaceId: string): Promise<Set<string>> {
  return new Set((await listShopConnections(store, workspaceId)).map((connection) => connection.id));
}

async function raiseOne(store: Store, workspaceId: string, item: Record<string, unknown>, now: Date) {
  const checkout = Checkout.parse({ ...item, abandonedAt: now.toISOString() });
  try {
    await writeTransaction(store, [
      {
        Update: {
          TableName: store.tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET abandonedAt = :now REMOVE gsi1pk, gsi1sk',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(completedAt) AND attribute_not_exists(abandonedAt) ' +
            'AND abandonAfter <= :now',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        },
      },
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [
          pendingEvent(CartAbandoned, {
            checkout,
            ...(checkout.contactId ? { contactId: checkout.contactId } : {}),
          }),
        ],
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
