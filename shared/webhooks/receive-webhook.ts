import { createHash, randomInt } from 'node:crypto';
import { type Deps, depsFromEnv } from '../platform/deps';
import type { AppError } from '../platform/errors';
import { newId } from '../platform/ids';
import { logEntry } from '../platform/logger';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { type Archive, archiveFromEnv } from './archive';
import {
  type ArchivedDelivery,
  archivableHeaders,
  archiveKeyOf,
  type UnmatchedDelivery,
  unmatchedArchive,
  unmatchedKeyOf,
} from './archived-delivery';
import { MalformedWebhookError, WebhookSignatureError, WebhookTooLargeError } from './webhook-errors';
import { acceptDeliveryWrites, type DeliveryKey, noteDuplicateArchive } from './webhook-inbox';

/** A webhook as it arrived: lower-cased header names and the exact bytes of the body. */
export interface RawWebhook {
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface IntakeDeps extends Deps {
  archive: Archive;
  /** Structured log lines; never given a secret or a body. */
  log: (entry: Record<string, unknown>) => void;
}

/** Who a webhook URL addresses: a workspace and a target in it (a shop connection, a form...). */
export interface WebhookTarget {
  workspaceId: string;
  /** The target's id inside the workspace: part of the inbox key. */
  targetKey: string;
}

/** What intake learns from a verified, well-formed delivery. */
export type DeliveryVerdict =
  | { accept: true; topic: string; deliveryId: string }
  /** Acknowledged with 200 and not processed (a topic nobody subscribed to, a provider's ping). */
  | { accept: false; reason: string };

/**
 * What a source plugs into intake. `verify` and `judge` get the loaded target; `judge` throws a 400
 * (MalformedWebhookError) for a body that is not a delivery of its topic.
 */
export interface WebhookEndpoint<Target> {
  source: string;
  /** The largest body the source sends, and the error a larger one gets; 1 MB (webhook.too_large) unless said. */
  bodyLimit?: { bytes: number; error: () => AppError };
  /** The workspace and target named by the URL's id; undefined for an id that cannot be one (404). */
  parseTargetId(id: string): WebhookTarget | undefined;
  load(deps: Deps, target: WebhookTarget): Promise<Target | undefined>;
  notFound(): AppError;
  /** A delivery the provider sends unsigned on purpose and that carries no event (WooCommerce's ping). */
  isPing?(request: RawWebhook): boolean;
  /** Throws WebhookSignatureError, with the reason, unless the request is signed with the target's secret. */
  verify(request: RawWebhook, target: Target, now: Date): void;
  judge(request: RawWebhook, target: Target): DeliveryVerdict;
}

export type IntakeOutcome =
  | { outcome: 'accepted'; inboxId: string }
  | { outcome: 'duplicate'; inboxId: string }
  | { outcome: 'ignored'; reason: string };

/** Bodies over this are refused before anything is stored: a shop order is far smaller. */
export const maxWebhookBytes = 1024 * 1024;
const maxDeliveryIdLength = 200;

/**
 * Takes in one webhook delivery. Primary course:
 * 1. refuse a body over the source's limit (413) before anything is read or stored;
 * 2. find the target the URL names; an unknown one is kept apart, briefly and in bounded amounts
 *    (keepUnmatched), and answered 404;
 * 3. verify the signature with the target's secret (401) and judge the body: a delivery of a known topic
 *    (400 when malformed). A refused delivery is logged, never stored: nobody can fill the archive or the
 *    table without the target's secret (or, for forms, a post the form takes);
 * 4. archive the raw body and headers under the workspace, so that every delivery that is acknowledged
 *    is kept before it is processed (an acknowledged but ignored topic too);
 * 5. one transaction: the inbox item (its key is the provider's delivery id: a redelivery fails here and
 *    is a no-op, but for noting its archived copy on the delivery it repeats) and the outbox item with
 *    webhook.received, which the bus routes to the processor.
 */
export async function receiveWebhook<Target>(
  deps: IntakeDeps,
  endpoint: WebhookEndpoint<Target>,
  targetId: string,
  request: RawWebhook,
): Promise<IntakeOutcome> {
  const now = deps.clock();
  const refuse = (error: AppError, kept: Record<string, unknown> = {}): never => {
    deps.log({
      level: 'warn',
      msg: 'webhook refused',
      source: endpoint.source,
      targetId: targetId.slice(0, 200),
      status: error.statusCode,
      code: error.code,
      reason: error.message,
      bodyBytes: request.body.length,
      ...kept,
    });
    throw error;
  };

  const limit = endpoint.bodyLimit ?? { bytes: maxWebhookBytes, error: () => new WebhookTooLargeError() };
  if (request.body.length > limit.bytes) return refuse(limit.error());
  const target = endpoint.parseTargetId(targetId);
  const loaded = target && (await endpoint.load(deps, target));
  if (!target || loaded === undefined) {
    const unmatchedKey = await keepUnmatched(deps.archive, endpoint.source, targetId, request, now);
    return refuse(endpoint.notFound(), unmatchedKey ? { unmatchedKey } : { unmatchedKept: false });
  }
  if (endpoint.isPing?.(request)) {
    deps.log({ level: 'info', msg: 'webhook ping', source: endpoint.source, targetId });
    return { outcome: 'ignored', reason: 'ping' };
  }
  let verdict: DeliveryVerdict;
  try {
    endpoint.verify(request, loaded, now);
    verdict = endpoint.judge(request, loaded);
    if (verdict.accept && !/^[\x21-\x7e]+$/.test(verdict.deliveryId))
      throw new MalformedWebhookError('the delivery id is empty or not printable ASCII');
    if (verdict.accept && verdict.deliveryId.length > maxDeliveryIdLength)
      throw new MalformedWebhookError('the delivery id is too long');
  } catch (error) {
    if (error instanceof WebhookSignatureError || error instanceof MalformedWebhookError)
      return refuse(error);
    throw error;
  }

  const inboxId = newId(now.getTime());
  const archiveKey = archiveKeyOf(target.workspaceId, endpoint.source, now, inboxId);
  const archived: ArchivedDelivery = {
    format: 1,
    inboxId,
    source: endpoint.source,
    targetId,
    receivedAt: now.toISOString(),
    headers: archivableHeaders(request.headers),
    bodyBase64: request.body.toString('base64'),
  };
  await deps.archive.put(archiveKey, JSON.stringify(archived));
  if (!verdict.accept) {
    deps.log({
      level: 'info',
      msg: 'webhook ignored',
      source: endpoint.source,
      reason: verdict.reason,
      archiveKey,
    });
    return { outcome: 'ignored', reason: verdict.reason };
  }

  const key: DeliveryKey = {
    source: endpoint.source,
    targetKey: target.targetKey,
    deliveryId: verdict.deliveryId,
  };
  const items = acceptDeliveryWrites(deps.store.tableName, target.workspaceId, key, {
    inboxId,
    source: endpoint.source,
    connectionId: targetId,
    deliveryId: verdict.deliveryId,
    topic: verdict.topic,
    archiveKey,
    receivedAt: now,
  });
  try {
    await writeTransaction(deps.store, items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    const duplicate = reasons && failedAt(reasons, 0);
    if (!duplicate) throw error;
    await noteDuplicateArchive(deps.store, target.workspaceId, key, archiveKey);
    deps.log({
      level: 'info',
      msg: 'webhook duplicate',
      source: endpoint.source,
      deliveryId: verdict.deliveryId,
      archiveKey,
    });
    return { outcome: 'duplicate', inboxId: String(duplicate.item?.inboxId ?? inboxId) };
  }
  return { outcome: 'accepted', inboxId };
}

/** Per archive (one per Lambda container) and source, the slots of the current minute known to be taken. */
const takenSlots = new WeakMap<Archive, Map<string, { minute: string; taken: Set<number> }>>();

/**
 * Keeps what came to an unknown target under `webhooks-unmatched/`, in one of a fixed number of slots per
 * source and minute (a few tried; all taken means it is not kept) and with the start of its body only: whatever the
 * rate of such posts, the prefix grows by at most slotsPerMinute small objects a minute per source, and a
 * lifecycle rule removes them within a week. Returns the key, or undefined when the slot was taken.
 */
async function keepUnmatched(
  archive: Archive,
  source: string,
  targetId: string,
  request: RawWebhook,
  now: Date,
): Promise<string | undefined> {
  // slots this container knows are taken this minute are not tried again: a flood costs no more writes
  const minute = unmatchedKeyOf(source, now, 0);
  const known = takenSlots.get(archive) ?? new Map<string, { minute: string; taken: Set<number> }>();
  takenSlots.set(archive, known);
  let memo = known.get(source);
  if (memo?.minute !== minute) {
    memo = { minute, taken: new Set() };
    known.set(source, memo);
  }
  const taken = memo.taken;
  const free = Array.from({ length: unmatchedArchive.slotsPerMinute }, (_, slot) => slot).filter(
    (slot) => !taken.has(slot),
  );
  if (free.length === 0) return undefined;
  const kept = request.body.subarray(0, unmatchedArchive.bodyBytes);
  const unmatched: UnmatchedDelivery = {
    format: 1,
    source,
    targetId: targetId.slice(0, 200),
    receivedAt: now.toISOString(),
    headers: archivableHeaders(request.headers),
    bodyBase64: kept.toString('base64'),
    bodyBytes: request.body.length,
    bodySha256: createHash('sha256').update(request.body).digest('hex'),
    truncated: kept.length < request.body.length,
  };
  const first = randomInt(free.length);
  for (let probe = 0; probe < Math.min(unmatchedArchive.probes, free.length); probe++) {
    const slot = free[(first + probe) % free.length] as number;
    const key = unmatchedKeyOf(source, now, slot);
    const written = await archive.putIfAbsent(key, JSON.stringify(unmatched));
    taken.add(slot);
    if (written) return key;
  }
  return undefined;
}

/** 202 for a delivery queued for processing, 200 for one acknowledged without (duplicate, ignored). */
export function intakeResponse(result: IntakeOutcome) {
  return {
    statusCode: result.outcome === 'accepted' ? 202 : 200,
    body:
      result.outcome === 'ignored'
        ? { status: result.outcome }
        : { status: result.outcome, inboxId: result.inboxId },
  };
}

/** The ports of intake, built once per cold start: table, clock, archive and the logger's entry writer. */
export function intakeDepsFromEnv(env: NodeJS.ProcessEnv = process.env): IntakeDeps {
  return {
    ...depsFromEnv(env),
    archive: archiveFromEnv(env),
    log: logEntry,
  };
}
