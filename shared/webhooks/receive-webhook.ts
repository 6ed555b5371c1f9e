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
  unroutedWorkspace,
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

/** Bodies over this are archived, then refused: a shop order is far smaller. */
export const maxWebhookBytes = 1024 * 1024;
const maxDeliveryIdLength = 200;

/**
 * Takes in one webhook delivery. Primary course:
 * 1. archive the raw body and headers first, so that nothing that reached us is lost, whatever follows;
 * 2. find the target the URL names (404) and verify the signature with its secret (401);
 * 3. judge the body: a delivery of a known topic (400 when malformed);
 * 4. one transaction: the inbox item (its key is the provider's delivery id: a redelivery fails here and
 *    is a no-op, but for noting its archived copy on the delivery it repeats) and the outbox item with
 *    webhook.received, which the bus routes to the processor.
 * Each refusal is logged with the archive key; a refused delivery writes nothing to the table.
 */
export async function receiveWebhook<Target>(
  deps: IntakeDeps,
  endpoint: WebhookEndpoint<Target>,
  targetId: string,
  request: RawWebhook,
): Promise<IntakeOutcome> {
  const now = deps.clock();
  const inboxId = newId(now.getTime());
  const target = endpoint.parseTargetId(targetId);
  const archiveKey = archiveKeyOf(target?.workspaceId ?? unroutedWorkspace, endpoint.source, now, inboxId);
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

  const refuse = (error: AppError): never => {
    deps.log({
      level: 'warn',
      msg: 'webhook refused',
      source: endpoint.source,
      targetId: targetId.slice(0, 200),
      status: error.statusCode,
      code: error.code,
      reason: error.message,
      archiveKey,
    });
    throw error;
  };

  if (!target) return refuse(endpoint.notFound());
  const loaded = await endpoint.load(deps, target);
  if (loaded === undefined) return refuse(endpoint.notFound());
  if (endpoint.isPing?.(request)) {
    deps.log({ level: 'info', msg: 'webhook ping', source: endpoint.source, targetId, archiveKey });
    return { outcome: 'ignored', reason: 'ping' };
  }
  try {
    if (request.body.length > maxWebhookBytes) throw new WebhookTooLargeError();
    endpoint.verify(request, loaded, now);
  } catch (error) {
    if (error instanceof WebhookSignatureError || error instanceof WebhookTooLargeError) return refuse(error);
    throw error;
  }
  let verdict: DeliveryVerdict;
  try {
    verdict = endpoint.judge(request, loaded);
    if (verdict.accept && !/^[\x21-\x7e]+$/.test(verdict.deliveryId))
      throw new MalformedWebhookError('the delivery id is empty or not printable ASCII');
    if (verdict.accept && verdict.deliveryId.length > maxDeliveryIdLength)
      throw new MalformedWebhookError('the delivery id is too long');
  } catch (error) {
    if (error instanceof MalformedWebhookError) return refuse(error);
    throw error;
  }
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
