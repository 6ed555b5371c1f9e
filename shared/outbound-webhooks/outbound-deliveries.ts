import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { eventMetadata } from '../events/domain-event';
import { personalSubjectOf } from '../events/event-subject';
import { ConflictError, NotFoundError } from '../platform/errors';
import { newId } from '../platform/ids';
import { logger } from '../platform/logger';
import type { OutboundWebhookDeps } from './outbound-webhook-deps';
import { nextAttemptAfter } from './retry-schedule';
import {
  cancelled,
  claimDelivery,
  type DeliveryRecord,
  deliveryIdOf,
  deliveryOf,
  dueDeliveryRecords,
  getDeliveryRecord,
  listDeliveryRecords,
  newDeliveryRecord,
  putNewDelivery,
  saveLeased,
  withAttempt,
} from './webhook-deliveries-store';
import type { AttemptTrigger, DeliveryListQuery, WebhookDelivery, WebhookPayload } from './webhook-delivery';
import { subscribesTo, testEventType } from './webhook-event-types';
import { signatureHeader, webhookHeaders } from './webhook-signature';
import {
  getSubscriptionRecord,
  listSubscriptionRecords,
  type SubscriptionRecord,
  signingSecrets,
} from './webhook-subscriptions-store';

const EventEnvelope = z.looseObject(eventMetadata);

/** The body receivers get: the event's identity and type, and its detail without the envelope fields. */
export function payloadOf(type: string, detail: z.output<typeof EventEnvelope>): WebhookPayload {
  // the correlation id is ours (logs), not part of what receivers are promised
  const { eventId, eventVersion, workspaceId, occurredAt, correlationId: _correlationId, ...data } = detail;
  return { id: eventId, type, version: eventVersion, occurredAt, workspaceId, data };
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

/** Signs and POSTs a leased delivery to its subscription's URL, then records the attempt and releases the lease. */
async function attempt(
  deps: OutboundWebhookDeps,
  subscription: SubscriptionRecord,
  record: DeliveryRecord,
  lease: string,
  trigger: AttemptTrigger,
): Promise<DeliveryRecord> {
  const startedAt = deps.clock();
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  const response = await deps.send({
    url: subscription.url,
    headers: {
      'content-type': 'application/json',
      [webhookHeaders.id]: record.id,
      [webhookHeaders.timestamp]: String(timestamp),
      [webhookHeaders.signature]: signatureHeader(
        signingSecrets(subscription, startedAt),
        timestamp,
        record.body,
      ),
    },
    body: record.body,
  });
  const now = deps.clock();
  const attemptCount = record.attemptCount + 1;
  const updated = withAttempt(
    record,
    {
      at: startedAt.toISOString(),
      trigger,
      ...(response.statusCode === undefined ? {} : { statusCode: response.statusCode }),
      durationMs: response.durationMs,
      ...(response.error ? { error: response.error } : {}),
    },
    {
      delivered: response.ok,
      nextAttemptAt: response.ok ? undefined : nextAttemptAfter(attemptCount, now, deps.random),
    },
    now,
  );
  if (!(await saveLeased(deps.store, updated, lease))) {
    logger.warn('delivery lease lost', { deliveryId: record.id });
  }
  return updated;
}

/** Creates the delivery of a payload to a subscription (unless it exists) and attempts it at once. */
async function createAndAttempt(
  deps: OutboundWebhookDeps,
  subscription: SubscriptionRecord,
  payload: WebhookPayload,
  trigger: AttemptTrigger,
): Promise<DeliveryRecord | undefined> {
  const lease = randomUUID();
  const record = newDeliveryRecord({
    id: deliveryIdOf(subscription.id, payload.id, new Date(payload.occurredAt)),
    workspaceId: subscription.workspaceId,
    subscriptionId: subscription.id,
    payload,
    now: deps.clock(),
    lease,
  });
  // an event EventBridge hands over again finds its delivery made (or in the retry job's hands)
  const subject = personalSubjectOf(payload.type, payload.data);
  if (!(await putNewDelivery(deps.store, record, subject))) return undefined;
  return attempt(deps, subscription, record, lease, trigger);
}

/** The workspace's active subscriptions that take events of this type (one Query of its settings). */
export async function subscriptionsTaking(
  deps: Pick<OutboundWebhookDeps, 'store'>,
  workspaceId: string,
  type: string,
): Promise<SubscriptionRecord[]> {
  const subscriptions = await listSubscriptionRecords(deps.store, workspaceId);
  return subscriptions.filter(
    (subscription) => subscription.active && subscribesTo(subscription.eventTypes, type),
  );
}

/**
 * A CRM event from the bus. Primary course:
 * 1. the caller has read the workspace's active subscriptions that take this event type
 *    (subscriptionsTaking: one Query, asked by the event frame before its dedupe claim);
 * 2. for each, create the delivery (conditional put: once per subscription and event) and attempt it;
 * 3. a failed attempt leaves the delivery pending with its next attempt time, for the retry job.
 * An event without the envelope fields is not ours to deliver and is skipped.
 */
export async function deliverEvent(
  deps: OutboundWebhookDeps,
  event: { detailType: string; detail: unknown },
  subscriptions: readonly SubscriptionRecord[],
): Promise<{ deliveries: number }> {
  const envelope = EventEnvelope.safeParse(event.detail);
  if (!envelope.success) {
    logger.warn('event without envelope', { detailType: event.detailType });
    return { deliveries: 0 };
  }
  const payload = payloadOf(event.detailType, envelope.data);
  let deliveries = 0;
  await forEachLimited(subscriptions, 5, async (subscription) => {
    if (await createAndAttempt(deps, subscription, payload, 'event')) deliveries++;
  });
  return { deliveries };
}

export interface RetrySummary {
  attempted: number;
  delivered: number;
  cancelled: number;
}

/**
 * The retry job's work in one workspace (the job frame runs it for every registered workspace, every
 * minute). Primary course:
 * 1. one Query of the workspace's due queue (pending deliveries whose next attempt time has passed);
 * 2. when something is due, one Query of the workspace's subscriptions;
 * 3. take each delivery's lease, attempt it, record the outcome; a delivery whose subscription was disabled
 *    or deleted is cancelled instead.
 * It stops taking new work when `timeLeftMs` runs low; what is left is due on the next run.
 */
export async function retryDueDeliveriesInWorkspace(
  deps: OutboundWebhookDeps,
  workspaceId: string,
  options: { timeLeftMs?: () => number; perWorkspace?: number } = {},
): Promise<RetrySummary> {
  const timeLeft = options.timeLeftMs ?? (() => Number.POSITIVE_INFINITY);
  const summary: RetrySummary = { attempted: 0, delivered: 0, cancelled: 0 };
  const due = await dueDeliveryRecords(deps.store, workspaceId, deps.clock(), options.perWorkspace ?? 50);
  if (due.length === 0) return summary;
  const subscriptions = await listSubscriptionRecords(deps.store, workspaceId);
  await forEachLimited(due, 4, async (candidate) => {
    if (timeLeft() < 15_000) return;
    const claim = await claimDelivery(
      deps.store,
      workspaceId,
      candidate.id,
      deps.clock(),
      randomUUID(),
      'due',
    );
    if (!claim.claimed) return;
    const subscription = subscriptions.find((found) => found.id === claim.claimed.subscriptionId);
    if (!subscription?.active) {
      await saveLeased(deps.store, cancelled(claim.claimed, deps.clock()), claim.lease);
      summary.cancelled++;
      return;
    }
    const result = await attempt(deps, subscription, claim.claimed, claim.lease, 'retry');
    summary.attempted++;
    if (result.status === 'delivered') summary.delivered++;
  });
  return summary;
}

/** An admin's "send it again now": one attempt whatever the delivery's status, unless one is running. */
export async function redeliver(
  deps: OutboundWebhookDeps,
  workspaceId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const found = await getDeliveryRecord(deps.store, workspaceId, deliveryId);
  const subscription = await getSubscriptionRecord(deps.store, workspaceId, found.subscriptionId);
  const claim = await claimDelivery(deps.store, workspaceId, deliveryId, deps.clock(), randomUUID(), 'any');
  if (!claim.claimed) {
    if (claim.reason === 'missing') throw new NotFoundError('delivery.not_found');
    throw new ConflictError('delivery.in_progress');
  }
  return deliveryOf(await attempt(deps, subscription, claim.claimed, claim.lease, 'manual'));
}

/**
 * Sends a `webhook.test` event to one subscription now (active or not, whatever its event types), as a
 * delivery like any other: it shows in the log and is retried if it fails.
 */
export async function sendTestEvent(
  deps: OutboundWebhookDeps,
  workspaceId: string,
  subscriptionId: string,
): Promise<WebhookDelivery> {
  const subscription = await getSubscriptionRecord(deps.store, workspaceId, subscriptionId);
  const now = deps.clock();
  const payload: WebhookPayload = {
    id: newId(now.getTime()),
    type: testEventType,
    version: 1,
    occurredAt: now.toISOString(),
    workspaceId,
    data: { subscriptionId, message: 'A test event from Seed CRM: your endpoint is reachable.' },
  };
  const record = await createAndAttempt(deps, subscription, payload, 'manual');
  // a fresh event id cannot have a delivery yet
  if (!record) throw new Error(`test delivery for ${payload.id} already existed`);
  return deliveryOf(record);
}

/** A page of a subscription's delivery log, with the subscription (404 when it does not exist). */
export async function listDeliveries(
  deps: Pick<OutboundWebhookDeps, 'store'>,
  workspaceId: string,
  subscriptionId: string,
  query: DeliveryListQuery,
): Promise<{ subscription: SubscriptionRecord; page: { items: WebhookDelivery[]; nextCursor?: string } }> {
  const subscription = await getSubscriptionRecord(deps.store, workspaceId, subscriptionId);
  const { items, nextCursor } = await listDeliveryRecords(deps.store, workspaceId, subscriptionId, query);
  return { subscription, page: { items: items.map(deliveryOf), ...(nextCursor ? { nextCursor } : {}) } };
}
