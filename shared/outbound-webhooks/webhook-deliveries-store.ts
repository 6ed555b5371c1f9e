import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { contactsKeys } from '../contacts/contacts-keys';
import { NotFoundError } from '../platform/errors';
import { isId, ulidDigits, ulidTime } from '../platform/ids';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../store/document-client';
import { queryIndexPage } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { outboundWebhooksKeys } from './outbound-webhooks-keys';
import type {
  DeliveryAttempt,
  DeliveryListQuery,
  DeliveryStatus,
  WebhookDelivery,
  WebhookPayload,
} from './webhook-delivery';

/** A delivery as stored: the API's view plus the exact body sent and the attempt lease. */
export interface DeliveryRecord extends Omit<WebhookDelivery, 'payload'> {
  workspaceId: string;
  /** The JSON sent on every attempt, byte for byte (the signature covers these bytes). */
  body: string;
  /** Whoever attempts the delivery holds the lease, so an event function and the retry job never both send. */
  lease?: string;
  leaseUntil?: string;
}

/** Longer than one attempt can take (5 s timeout plus writes), shorter than the retry schedule's first step. */
export const leaseMs = 60_000;
/** The delivery log is kept 30 days after a delivery last changed (TTL: housekeeping only). */
export const deliveryRetentionSeconds = 30 * 24 * 60 * 60;
/** Attempts kept on the item; `attemptCount` counts them all. */
export const keptAttempts = 20;

type Item = Record<string, unknown>;

/**
 * The delivery of one event to one subscription has one id, whoever computes it: a ULID whose time is
 * the event's and whose random part is a hash of (subscription, event). A redelivered event therefore
 * names the same item, and the conditional put that creates it is the idempotency check.
 */
export function deliveryIdOf(subscriptionId: string, eventId: string, occurredAt: Date): string {
  const digest = createHash('sha256').update(`${subscriptionId}\n${eventId}`).digest();
  let random = '';
  // each byte picks one of 32 symbols: 256 is a multiple of 32, so every symbol is equally likely
  for (let at = 0; at < 16; at++) random += ulidDigits[(digest[at] as number) % 32];
  const time = Number.isNaN(occurredAt.getTime()) ? 0 : occurredAt.getTime();
  return `${ulidTime(time)}${random}`;
}

function itemOf(record: DeliveryRecord): Item {
  const { workspaceId: ws, subscriptionId, id, status, nextAttemptAt } = record;
  return {
    ...outboundWebhooksKeys.outboundDelivery(ws, id),
    ...outboundWebhooksKeys.outboundDeliveryOfSubscription(ws, subscriptionId, id),
    ...outboundWebhooksKeys.outboundDeliveryInStatus(ws, subscriptionId, status, id),
    // only pending deliveries are in the due queue
    ...(status === 'pending' && nextAttemptAt
      ? outboundWebhooksKeys.outboundDeliveryDue(ws, nextAttemptAt, id)
      : {}),
    entity: 'outboundDelivery',
    ...record,
    expiresAt: Math.floor(Date.parse(record.updatedAt) / 1000) + deliveryRetentionSeconds,
  };
}

function recordOf(item: Item): DeliveryRecord {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _gsi1pk,
    gsi1sk: _gsi1sk,
    gsi2pk: _gsi2pk,
    gsi2sk: _gsi2sk,
    gsi3pk: _gsi3pk,
    gsi3sk: _gsi3sk,
    entity: _entity,
    expiresAt: _expiresAt,
    ...record
  } = item;
  return record as unknown as DeliveryRecord;
}

/** What the delivery log shows. */
export function deliveryOf(record: DeliveryRecord): WebhookDelivery {
  const { workspaceId: _ws, body, lease: _lease, leaseUntil: _leaseUntil, ...shown } = record;
  return { ...shown, payload: JSON.parse(body) as WebhookPayload };
}

/** A new pending delivery, due now and leased to its creator, who attempts it straight away. */
export function newDeliveryRecord(input: {
  id: string;
  workspaceId: string;
  subscriptionId: string;
  payload: WebhookPayload;
  now: Date;
  lease: string;
}): DeliveryRecord {
  const at = input.now.toISOString();
  return {
    id: input.id,
    workspaceId: input.workspaceId,
    subscriptionId: input.subscriptionId,
    eventId: input.payload.id,
    eventType: input.payload.type,
    status: 'pending',
    attemptCount: 0,
    attempts: [],
    // due at once: if the creator dies before attempting, the retry job takes over when the lease expires
    nextAttemptAt: at,
    body: JSON.stringify(input.payload),
    version: 1,
    createdAt: at,
    updatedAt: at,
    lease: input.lease,
    leaseUntil: new Date(input.now.getTime() + leaseMs).toISOString(),
  };
}

/**
 * Creates the delivery unless it exists: one delivery per (subscription, event), however often the event
 * comes. A delivery of an event about a contact (`subject`) is linked from the contact, so erasing it finds
 * the delivery, and is not made once the contact is erased (an event still on its way after the erasure).
 */
export async function putNewDelivery(
  store: Store,
  record: DeliveryRecord,
  subject?: string,
): Promise<boolean> {
  try {
    if (!subject) {
      await store.client.send(
        new PutCommand({
          TableName: store.tableName,
          Item: itemOf(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    }
    const { workspaceId, id } = record;
    const link = contactsKeys.contactLink(workspaceId, subject, 'OUTBOUND_DELIVERY', id);
    await writeTransaction(store, [
      {
        Put: {
          TableName: store.tableName,
          Item: itemOf(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: store.tableName,
          Item: {
            ...link,
            entity: 'contactLink',
            target: outboundWebhooksKeys.outboundDelivery(workspaceId, id),
          },
        },
      },
      {
        ConditionCheck: {
          TableName: store.tableName,
          Key: contactsKeys.contactErasure(workspaceId, subject),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    const reasons = cancellationReasons(error);
    if (reasons && (failedAt(reasons, 0) || failedAt(reasons, 2))) return false;
    throw error;
  }
}

export async function getDeliveryRecord(
  store: Store,
  workspaceId: string,
  id: string,
): Promise<DeliveryRecord> {
  if (!isId(id)) throw new NotFoundError('delivery.not_found');
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: outboundWebhooksKeys.outboundDelivery(workspaceId, id),
      ConsistentRead: true,
    }),
  );
  if (!Item) throw new NotFoundError('delivery.not_found');
  return recordOf(Item);
}

export type Claim =
  | { claimed: DeliveryRecord; lease: string }
  | { claimed?: undefined; reason: 'missing' | 'busy' };

/**
 * Takes the attempt lease of a delivery (a conditional update, so exactly one taker wins). `due`: only a
 * pending delivery whose time has come (the retry job); `any`: whatever its status (an admin's redeliver).
 */
export async function claimDelivery(
  store: Store,
  workspaceId: string,
  id: string,
  now: Date,
  lease: string,
  mode: 'due' | 'any',
): Promise<Claim> {
  const free = '(attribute_not_exists(#leaseUntil) OR #leaseUntil < :now)';
  try {
    const result = await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: outboundWebhooksKeys.outboundDelivery(workspaceId, id),
        UpdateExpression: 'SET #lease = :lease, #leaseUntil = :until',
        ConditionExpression:
          mode === 'due'
            ? `attribute_exists(pk) AND #status = :pending AND #next <= :now AND ${free}`
            : `attribute_exists(pk) AND ${free}`,
        ExpressionAttributeNames: {
          '#lease': 'lease',
          '#leaseUntil': 'leaseUntil',
          ...(mode === 'due' ? { '#status': 'status', '#next': 'nextAttemptAt' } : {}),
        },
        ExpressionAttributeValues: {
          ':lease': lease,
          ':until': new Date(now.getTime() + leaseMs).toISOString(),
          ':now': now.toISOString(),
          ...(mode === 'due' ? { ':pending': 'pending' } : {}),
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { claimed: recordOf(result.Attributes ?? {}), lease };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { reason: error.Item ? 'busy' : 'missing' };
    throw error;
  }
}

/**
 * Writes a delivery back and releases the lease, only if the lease is still ours: a holder that outlived
 * its lease loses the write rather than overwrite a newer attempt. Returns whether it was written.
 */
export async function saveLeased(store: Store, record: DeliveryRecord, lease: string): Promise<boolean> {
  const { lease: _lease, leaseUntil: _leaseUntil, ...released } = record;
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: itemOf(released),
        ConditionExpression: '#lease = :lease',
        ExpressionAttributeNames: { '#lease': 'lease' },
        ExpressionAttributeValues: { ':lease': lease },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The record after one attempt: delivered on a 2xx, else the next attempt time or, past the last, failed. */
export function withAttempt(
  record: DeliveryRecord,
  attempt: DeliveryAttempt,
  outcome: { delivered: boolean; nextAttemptAt?: Date },
  now: Date,
): DeliveryRecord {
  const status: DeliveryStatus = outcome.delivered
    ? 'delivered'
    : outcome.nextAttemptAt
      ? 'pending'
      : 'failed';
  const { nextAttemptAt: _next, deliveredAt: _delivered, ...rest } = record;
  return {
    ...rest,
    status,
    attemptCount: record.attemptCount + 1,
    attempts: [...record.attempts, attempt].slice(-keptAttempts),
    ...(status === 'pending' && outcome.nextAttemptAt
      ? { nextAttemptAt: outcome.nextAttemptAt.toISOString() }
      : {}),
    ...(outcome.delivered ? { deliveredAt: now.toISOString() } : {}),
    version: record.version + 1,
    updatedAt: now.toISOString(),
  };
}

export function cancelled(record: DeliveryRecord, now: Date): DeliveryRecord {
  const { nextAttemptAt: _next, ...rest } = record;
  return { ...rest, status: 'cancelled', version: record.version + 1, updatedAt: now.toISOString() };
}

/** One page of a subscription's delivery log, newest first, optionally in one status. */
export async function listDeliveryRecords(
  store: Store,
  workspaceId: string,
  subscriptionId: string,
  query: DeliveryListQuery,
): Promise<{ items: DeliveryRecord[]; nextCursor?: string }> {
  const index = query.status ? crmTable.indexes.byCollection : crmTable.indexes.byParent;
  const partition = query.status
    ? outboundWebhooksKeys.outboundDeliveriesInStatusPartition(workspaceId, subscriptionId, query.status)
    : outboundWebhooksKeys.outboundDeliveriesPartition(workspaceId, subscriptionId);
  const page = await queryIndexPage(store, workspaceId, index, partition, { ...query, newestFirst: true });
  return { items: page.items.map(recordOf), nextCursor: page.nextCursor };
}

/** The pending deliveries of a workspace whose next attempt is due, oldest first (one Query). */
export async function dueDeliveryRecords(
  store: Store,
  workspaceId: string,
  now: Date,
  limit: number,
): Promise<DeliveryRecord[]> {
  const index = crmTable.indexes.byName;
  const page = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      // sort keys are "<ISO time>#<id>": everything before "<now>$" is due ('$' follows '#')
      KeyConditionExpression: `${index.partitionKey} = :pk AND ${index.sortKey} < :bound`,
      ExpressionAttributeValues: {
        ':pk': outboundWebhooksKeys.outboundDeliveriesDuePartition(workspaceId),
        ':bound': `${now.toISOString()}$`,
      },
      Limit: limit,
    }),
  );
  return (page.Items ?? []).map(recordOf);
}
