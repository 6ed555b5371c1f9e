import { entryIdFor } from '../activities/entry-id';
import { timelineEntryPut } from '../activities/timeline-item';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { newId } from '../platform/ids';
import { GetCommand } from '../store/document-client';
import type { Store } from '../store/store';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import type { DeliveryKey } from '../webhooks/webhook-inbox';
import { deliveryProcessedUpdate, markDeliveryProcessed } from '../webhooks/webhook-inbox';
import { Order, type OrderData } from './order';
import { OrderPlaced } from './order-events';
import type { OrderTimelineEntry } from './order-timeline-entry';
import { ordersKeys } from './orders-keys';
import { addOrder, type StoredPurchaseStats } from './purchase-stats';

/**
 * Orders of one contact racing on its statistics settle within a few rounds, as tries of the transaction
 * (conflicts) and as re-reads of the statistics (a racing order wrote them first); jitter spreads them.
 */
const maxAttempts = 10;

export interface ShopContext {
  workspaceId: string;
  /** The connection id (`<workspaceId>.<ulid>`) and its ULID part, used in keys. */
  connectionId: string;
  connectionKey: string;
  source: string;
}

export interface OrderOwner {
  contactId?: string;
  email?: string;
  /** The contact was created for this delivery: it has no statistics yet, so they need not be read. */
  newContact?: boolean;
  /** The company the contact belongs to: the order's timeline entry is on its timeline too. */
  companyId?: string;
}

/**
 * What an order leaves on its contact's timeline. Its id is stable for the order (the time it was placed
 * and the random part of the order's id), so the migration can add it for older orders without doubles.
 */
export function orderTimelineEntry(order: Order, companyId: string | undefined, recordedAt: string) {
  const contactId = order.contactId;
  if (!contactId) throw new Error(`order ${order.id} is filed under no contact`);
  const entry: OrderTimelineEntry = {
    id: entryIdFor(order.placedAt, order.id),
    type: 'order.placed',
    contactId,
    ...(companyId ? { companyId } : {}),
    occurredAt: order.placedAt,
    recordedAt,
    orderId: order.id,
    ...(order.number ? { number: order.number } : {}),
    total: order.total,
    currency: order.currency,
    connectionId: order.connectionId,
    source: order.source,
  };
  return entry;
}

/** The delivery that carried the order: marked processed in the order's own transaction. */
export interface CarryingDelivery {
  key: DeliveryKey;
  inboxId: string;
}

async function readStats(store: Store, workspaceId: string, contactId: string) {
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: ordersKeys.contactPurchases(workspaceId, contactId),
      ConsistentRead: true,
    }),
  );
  if (!result.Item) return undefined;
  const { pk: _pk, sk: _sk, entity: _entity, ...stats } = result.Item;
  return stats as StoredPurchaseStats;
}

async function readOrder(store: Store, context: ShopContext, externalId: string): Promise<Order> {
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: ordersKeys.order(context.workspaceId, context.connectionKey, externalId),
      ConsistentRead: true,
    }),
  );
  return Order.parse(result.Item);
}

export function orderItem(workspaceId: string, connectionKey: string, order: Order) {
  return {
    ...ordersKeys.order(workspaceId, connectionKey, order.externalId),
    ...(order.contactId
      ? ordersKeys.contactOrder(workspaceId, order.contactId, order.placedAt, order.id)
      : {}),
    entity: 'order',
    ...order,
  };
}

/** The order completed its checkout: never abandoned from now on (a stub if the checkout comes later). */
function checkoutCompletion(tableName: string, context: ShopContext, order: Order): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: ordersKeys.checkout(context.workspaceId, context.connectionKey, order.checkoutToken as string),
      UpdateExpression:
        'SET completedAt = if_not_exists(completedAt, :placedAt), orderId = if_not_exists(orderId, :orderId), ' +
        'entity = :entity REMOVE gsi1pk, gsi1sk',
      ExpressionAttributeValues: { ':placedAt': order.placedAt, ':orderId': order.id, ':entity': 'checkout' },
    },
  };
}

/**
 * Records an order exactly once, in one transaction:
 * 1. the order item, which must not exist (the shop's order id is in its key: a redelivery stops here);
 * 2. the contact's purchase statistics, written over the version just read (a race re-reads and retries);
 * 3. the order's entry on its contact's timeline (and its company's), when it has a contact;
 * 4. the checkout the order completes, so it never counts as abandoned;
 * 5. the delivery marked processed;
 * 6. the outbox item with order.placed.
 * An order already recorded is returned as it is, and the delivery still marked processed. Conflicts with
 * racing transactions are tried again by `writeTransaction` (then 409 `request.contended`); statistics
 * another order changed since they were read are read again, and the order written over them.
 */
export async function recordOrder(
  { store, clock }: Deps,
  context: ShopContext,
  data: OrderData,
  owner: OrderOwner,
  delivery?: CarryingDelivery,
): Promise<{ order: Order; created: boolean }> {
  const { workspaceId } = context;
  for (let attempt = 1; ; attempt++) {
    const now = clock();
    // a contact created for this delivery has no statistics, unless a racing order wrote them (retry)
    const stats =
      owner.contactId && (attempt > 1 || !owner.newContact)
        ? await readStats(store, workspaceId, owner.contactId)
        : undefined;
    const order: Order = {
      ...data,
      id: newId(now.getTime()),
      connectionId: context.connectionId,
      source: context.source,
      ...(owner.contactId ? { contactId: owner.contactId } : {}),
      ...(owner.email ? { email: owner.email } : {}),
      createdAt: now.toISOString(),
    };
    const items: TransactItem[] = [
      {
        Put: {
          TableName: store.tableName,
          Item: orderItem(workspaceId, context.connectionKey, order),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    const statsIndex = owner.contactId
      ? items.push({
          Put: {
            TableName: store.tableName,
            Item: {
              ...ordersKeys.contactPurchases(workspaceId, owner.contactId),
              entity: 'purchaseStats',
              ...addOrder(stats, order),
            },
            ...(stats
              ? {
                  ConditionExpression: '#version = :version',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':version': stats.version },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        }) - 1
      : -1;
    if (order.contactId)
      items.push(
        timelineEntryPut(
          store.tableName,
          workspaceId,
          orderTimelineEntry(order, owner.companyId, now.toISOString()),
        ),
      );
    if (order.checkoutToken) items.push(checkoutCompletion(store.tableName, context, order));
    if (delivery)
      items.push(deliveryProcessedUpdate(store.tableName, workspaceId, delivery.key, delivery.inboxId, now));
    items.push(
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [pendingEvent(OrderPlaced, { order, ...(owner.contactId ? { contactId: owner.contactId } : {}) })],
        now,
      ),
    );
    try {
      await writeTransaction(store, items, { attempts: maxAttempts });
      return { order, created: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons && failedAt(reasons, 0)) {
        if (delivery) await markDeliveryProcessed(store, workspaceId, delivery.key, delivery.inboxId, now);
        return { order: await readOrder(store, context, data.externalId), created: false };
      }
      const statsMoved = statsIndex >= 0 && reasons && failedAt(reasons, statsIndex);
      if (!statsMoved || attempt >= maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
