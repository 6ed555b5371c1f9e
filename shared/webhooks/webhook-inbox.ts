import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { contactsKeys } from '../contacts/contacts-keys';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import { type Item, withoutKeys } from '../records/record-store';
import { PutCommand, QueryCommand, UpdateCommand, type UpdateCommandInput } from '../store/document-client';
import type { KeyPair } from '../store/keys';
import { queryIndexPage } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { InboxDelivery, type InboxDeliveryQuery, type InboxDeliveryStatus } from './inbox-delivery';
import { WebhookReceived } from './webhook-events';
import { webhooksKeys } from './webhooks-keys';

/** The inbox is the dedupe record and the delivery log; TTL tidies it after 90 days (never relied on). */
const inboxRetentionSeconds = 90 * 24 * 60 * 60;
const maxErrorLength = 500;

export interface NewDelivery {
  inboxId: string;
  source: string;
  connectionId: string;
  deliveryId: string;
  topic: string;
  archiveKey: string;
  receivedAt: Date;
}

/** What identifies a delivery in the table: source, the URL's target and the provider's delivery id. */
export interface DeliveryKey {
  source: string;
  /** The id of the URL's target inside the workspace (a shop connection's ULID part). */
  targetKey: string;
  deliveryId: string;
}

export function deliveryKeyPair(workspaceId: string, key: DeliveryKey): KeyPair {
  return webhooksKeys.webhookDelivery(workspaceId, key.source, key.targetKey, key.deliveryId);
}

/**
 * Links a delivery to the contact it carried (written by its processor once the contact is known, before
 * what it records): erasing the contact follows the link to the inbox item and the archived body. A Put of
 * the same link again is a no-op, so reprocessing is safe.
 */
export async function linkDeliveryToContact(
  store: Store,
  workspaceId: string,
  contactId: string,
  delivery: { key: DeliveryKey; inboxId: string; archiveKey: string },
): Promise<void> {
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...contactsKeys.contactLink(workspaceId, contactId, 'DELIVERY', delivery.inboxId),
        entity: 'contactLink',
        target: deliveryKeyPair(workspaceId, delivery.key),
        archiveKey: delivery.archiveKey,
      },
    }),
  );
}

/**
 * A redelivery is archived like any delivery, then found a duplicate: its archived copy is noted on the
 * delivery it repeats, so that erasing whoever that delivery carried removes the copy too. An inbox item
 * gone meanwhile (TTL) has nobody to note it for.
 */
export async function noteDuplicateArchive(
  store: Store,
  workspaceId: string,
  key: DeliveryKey,
  archiveKey: string,
): Promise<void> {
  try {
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: deliveryKeyPair(workspaceId, key),
        UpdateExpression: 'ADD duplicateArchiveKeys :archiveKey',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':archiveKey': new Set([archiveKey]) },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * The two writes of an accepted delivery, for one transaction: the inbox item, which must not exist yet
 * (a redelivery fails here and is answered as a duplicate), and the outbox item with webhook.received.
 */
export function acceptDeliveryWrites(
  tableName: string,
  workspaceId: string,
  key: DeliveryKey,
  delivery: NewDelivery,
): TransactItem[] {
  const { receivedAt, ...fields } = delivery;
  const status: InboxDeliveryStatus = 'received';
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...deliveryKeyPair(workspaceId, key),
          ...webhooksKeys.webhookDeliveryCollection(workspaceId, delivery.inboxId),
          ...webhooksKeys.webhookDeliveryStatus(workspaceId, status, delivery.inboxId),
          entity: 'webhookDelivery',
          ...fields,
          status,
          attempts: 0,
          replays: 0,
          receivedAt: receivedAt.toISOString(),
          expiresAt: Math.floor(receivedAt.getTime() / 1000) + inboxRetentionSeconds,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    ...outboxWrite(tableName, workspaceId, [pendingEvent(WebhookReceived, fields)], receivedAt),
  ];
}

function statusUpdate(
  tableName: string,
  workspaceId: string,
  key: KeyPair,
  inboxId: string,
  status: InboxDeliveryStatus,
  extra: { set?: string[]; values?: Record<string, unknown>; remove?: string[] } = {},
): UpdateCommandInput & { UpdateExpression: string } {
  const statusKeys = webhooksKeys.webhookDeliveryStatus(workspaceId, status, inboxId);
  return {
    TableName: tableName,
    Key: key,
    ConditionExpression: 'attribute_exists(pk)',
    UpdateExpression: [
      `SET #status = :status, gsi3pk = :gsi3pk, gsi3sk = :gsi3sk${extra.set?.length ? `, ${extra.set.join(', ')}` : ''}`,
      extra.remove?.length ? `REMOVE ${extra.remove.join(', ')}` : '',
    ]
      .join(' ')
      .trim(),
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':status': status,
      ':gsi3pk': statusKeys.gsi3pk,
      ':gsi3sk': statusKeys.gsi3sk,
      ...extra.values,
    },
  };
}

/** The delivery is done: for the transaction of what processing wrote, or alone. */
export function deliveryProcessedUpdate(
  tableName: string,
  workspaceId: string,
  key: DeliveryKey,
  inboxId: string,
  now: Date,
): TransactItem {
  return {
    Update: statusUpdate(tableName, workspaceId, deliveryKeyPair(workspaceId, key), inboxId, 'processed', {
      set: ['processedAt = :now', 'attempts = if_not_exists(attempts, :zero) + :one'],
      values: { ':now': now.toISOString(), ':zero': 0, ':one': 1 },
    }) as TransactItem['Update'],
  };
}

export async function markDeliveryProcessed(
  store: Store,
  workspaceId: string,
  key: DeliveryKey,
  inboxId: string,
  now: Date,
): Promise<void> {
  const update = deliveryProcessedUpdate(store.tableName, workspaceId, key, inboxId, now).Update;
  await store.client.send(new UpdateCommand(update as UpdateCommandInput));
}

/** Records a failed attempt; the caller rethrows so that Lambda (or the local bus) retries. */
export async function markDeliveryFailed(
  store: Store,
  workspaceId: string,
  key: DeliveryKey,
  inboxId: string,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await store.client.send(
    new UpdateCommand(
      statusUpdate(store.tableName, workspaceId, deliveryKeyPair(workspaceId, key), inboxId, 'failed', {
        set: ['lastError = :error', 'attempts = if_not_exists(attempts, :zero) + :one'],
        values: { ':error': message.slice(0, maxErrorLength), ':zero': 0, ':one': 1 },
      }),
    ),
  );
}

export function deliveryFromItem(item: Item): InboxDelivery {
  const { expiresAt: _expires, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return InboxDelivery.parse(rest);
}

/** The delivery log, newest first: all deliveries (byCollection) or those in one status (byParent). */
export async function listDeliveries(store: Store, workspaceId: string, query: InboxDeliveryQuery) {
  const index = query.status ? crmTable.indexes.byParent : crmTable.indexes.byCollection;
  const partition = query.status
    ? webhooksKeys.webhookDeliveryStatusPartition(workspaceId, query.status)
    : webhooksKeys.webhookDeliveriesPartition(workspaceId);
  const page = await queryIndexPage(store, workspaceId, index, partition, { ...query, newestFirst: true });
  return { items: page.items.map(deliveryFromItem), nextCursor: page.nextCursor };
}

/** One delivery by its inbox id: the byCollection entry whose sort key is the id. */
export async function findDeliveryItem(store: Store, workspaceId: string, inboxId: string) {
  if (!isId(inboxId)) return undefined;
  const index = crmTable.indexes.byCollection;
  const page = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk AND ${index.sortKey} = :id`,
      ExpressionAttributeValues: {
        ':pk': webhooksKeys.webhookDeliveriesPartition(workspaceId),
        ':id': inboxId,
      },
    }),
  );
  return page.Items?.[0];
}

/**
 * Queues a delivery that is not processed (it failed, or its event never came) for processing again: back
 * to `received` and a new webhook.received, in one transaction, on condition that it is still not processed.
 * A processed delivery is left as it is (`replayed: false`): processing it again would change nothing.
 */
export async function replayDelivery(
  { store, clock }: Deps,
  workspaceId: string,
  inboxId: string,
): Promise<{ delivery: InboxDelivery; replayed: boolean }> {
  const item = await findDeliveryItem(store, workspaceId, inboxId);
  if (!item) throw new NotFoundError('webhook.not_found');
  const delivery = deliveryFromItem(item);
  if (delivery.status === 'processed') return { delivery, replayed: false };
  const now = clock();
  const key = { pk: String(item.pk), sk: String(item.sk) };
  const update = statusUpdate(store.tableName, workspaceId, key, inboxId, 'received', {
    set: ['replays = if_not_exists(replays, :zero) + :one'],
    values: { ':zero': 0, ':one': 1, ':processed': 'processed' },
  });
  const { inboxId: id, source, connectionId, deliveryId, topic, archiveKey } = delivery;
  const items: TransactItem[] = [
    {
      Update: {
        ...update,
        ConditionExpression: 'attribute_exists(pk) AND #status <> :processed',
      } as TransactItem['Update'],
    },
    ...outboxWrite(
      store.tableName,
      workspaceId,
      [pendingEvent(WebhookReceived, { inboxId: id, source, connectionId, deliveryId, topic, archiveKey })],
      now,
    ),
  ];
  try {
    await writeTransaction(store, items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons || !failedAt(reasons, 0)) throw error;
    // processed (or removed) since it was read
    const current = await findDeliveryItem(store, workspaceId, inboxId);
    if (!current) throw new NotFoundError('webhook.not_found');
    return { delivery: deliveryFromItem(current), replayed: false };
  }
  return { delivery: { ...delivery, status: 'received', replays: delivery.replays + 1 }, replayed: true };
}
