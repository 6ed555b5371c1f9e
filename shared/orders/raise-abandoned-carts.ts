import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { keys } from '../store/keys';
import { scanAcrossWorkspaces } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { Checkout } from './order';
import { CartAbandoned } from './order-events';

/** Checkouts handled per workspace and run at most; the next run (15 minutes later) takes the rest. */
const maxPerWorkspace = 1000;
const pageSize = 100;
const concurrency = 10;

/**
 * The workspaces that have shop connections: a Scan of the sparse acrossWorkspaces index, which holds a
 * few settings items per workspace (connections, subscriptions), so it costs what they number.
 */
export async function workspacesWithShops(store: Store): Promise<string[]> {
  const workspaces = new Set<string>();
  for (const item of await scanAcrossWorkspaces(store, 'shopConnection')) {
    const id = String(item.id ?? '');
    workspaces.add(id.slice(0, id.indexOf('.')));
  }
  return [...workspaces].filter(Boolean);
}

/**
 * Raises cart.abandoned once for every checkout whose time has come. Primary course:
 * 1. find the workspaces with shop connections (a Scan of the small sparse index);
 * 2. per workspace, Query its due checkouts (byCollection `WS#w#CHECKOUTS_DUE`, sort key before now);
 * 3. per checkout, one transaction: mark it abandoned and take it off the index, on condition that it is
 *    still open, not abandoned yet and due (a completed or re-armed checkout is skipped), plus the outbox
 *    item with cart.abandoned. A second run, or two at once, raise nothing more.
 */
export async function raiseAbandonedCarts(
  deps: Pick<Deps, 'store' | 'clock'>,
): Promise<{ raised: number; skipped: number }> {
  const now = deps.clock();
  let raised = 0;
  let skipped = 0;
  for (const workspaceId of await workspacesWithShops(deps.store)) {
    const outcome = await raiseInWorkspace(deps.store, workspaceId, now);
    raised += outcome.raised;
    skipped += outcome.skipped;
  }
  return { raised, skipped };
}

async function raiseInWorkspace(store: Store, workspaceId: string, now: Date) {
  const index = crmTable.indexes.byCollection;
  let raised = 0;
  let skipped = 0;
  let seen = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk AND ${index.sortKey} < :bound`,
        // '~' sorts after '#', so every entry due at or before this instant is included
        ExpressionAttributeValues: {
          ':pk': keys.dueCheckoutsPartition(workspaceId),
          ':bound': `${now.toISOString()}#~`,
        },
        Limit: pageSize,
        ExclusiveStartKey: startKey,
      }),
    );
    const items = page.Items ?? [];
    seen += items.length;
    for (let at = 0; at < items.length; at += concurrency) {
      const outcomes = await Promise.all(
        items.slice(at, at + concurrency).map((item) => raiseOne(store, workspaceId, item, now)),
      );
      for (const outcome of outcomes) outcome ? raised++ : skipped++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && seen < maxPerWorkspace);
  return { raised, skipped };
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
