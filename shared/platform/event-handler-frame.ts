import { randomUUID } from 'node:crypto';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import { safeParse } from 'zod/mini';
import type { eventMetadata } from '../events/domain-event';
import type { Store } from '../store/store';
import { dynamoEventDedupe, type EventDedupe } from './event-dedupe';
import { bindWorkspace, newCorrelationId, runWithContext } from './invocation-context';
import { type Logger, logger } from './logger';
import { dynamoWorkspaceRegistry, type WorkspaceRegistry } from './workspace-registry';

type EventEnvelope = z.output<z.ZodMiniObject<typeof eventMetadata>>;

/** What the frame needs of a contract: the detail-type it names and the schema of its detail. */
export interface EventContractLike<Detail extends EventEnvelope> {
  detailType: string;
  detail: z.core.$ZodType<Detail>;
}

export interface EventHandlerContext<Deps> {
  deps: Deps;
  /** The detail-type of this event (a frame on the envelope contract takes several). */
  detailType: string;
  eventId: string;
  workspaceId: string;
  correlationId: string;
  log: Logger;
}

/** The frame's own ports: dedupe, the workspace registry and the clock. */
export interface EventFramePorts {
  dedupe: EventDedupe;
  workspaces: Pick<WorkspaceRegistry, 'register'>;
  clock: () => Date;
}

export function eventFramePorts(deps: { store: Store; clock: () => Date }): EventFramePorts {
  return {
    dedupe: dynamoEventDedupe(deps.store),
    workspaces: dynamoWorkspaceRegistry(deps.store),
    clock: deps.clock,
  };
}

/** Thrown for a detail its contract refuses: Lambda retries, then dead-letters it where it can be read. */
export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

/** Thrown when a duplicate of the event is being handled right now: the retry finds it handled or free. */
export class EventInProgressError extends Error {
  override name = 'EventInProgressError';
}

type Handle<Detail, Deps, Work> = (
  detail: Detail,
  ctx: EventHandlerContext<Deps> & { work: Work },
) => Promise<unknown>;

export type EventHandlerOptions<Detail extends EventEnvelope, Deps, Work = true> = {
  contract: EventContractLike<Detail>;
  /** The consumer's name (its function's name in the capability): the dedupe key and the logs' functionName. Never rename it. */
  name: string;
  /** Handles the event; `work` is what `concerns` found (true without `concerns`). */
  handle: Handle<Detail, Deps, Work>;
  /**
   * The consumer's work for the event, asked before the dedupe claim: `false` skips an event at the cost
   * of no write (outbound webhooks in a workspace without a subscription to the event type); anything
   * else is handed to `handle` as `work`, so what was read to decide is not read again.
   */
  concerns?: (
    detail: Detail,
    ctx: { deps: Deps; detailType: string },
  ) => Promise<Work | false> | Work | false;
  deps: Deps;
} & (Deps extends { store: Store; clock: () => Date }
  ? { ports?: EventFramePorts }
  : { ports: EventFramePorts });

/** Without a Lambda context (a test, a script), a claim lasts this long. */
const defaultClaimMs = 5 * 60_000;

/**
 * The Lambda handler of one event consumer. Primary course:
 * 1. enter the invocation context with the event's correlation id (or a new one) and its workspace;
 * 2. parse `detail` with the contract; a malformed event is logged and thrown (retried, then the DLQ);
 * 3. register the workspace (once per process), so scheduled jobs find it; ask the consumer for its work
 *    (`concerns`) and skip the event, before any write, when it has none;
 * 4. claim the event for this consumer until the invocation's deadline: handled before → skip;
 *    claimed by a live duplicate → throw, so Lambda retries after it ends;
 * 5. handle it; on success mark it handled (kept a week), on failure release the claim and rethrow.
 * A crash between 4 and 5 leaves a claim that expires with the invocation, so the retry runs it again.
 */
export function eventHandler<Detail extends EventEnvelope, Deps, Work = true>(
  options: EventHandlerOptions<Detail, Deps, Work>,
) {
  const { contract, name, handle, deps } = options;
  const ports = options.ports ?? eventFramePorts(deps as unknown as { store: Store; clock: () => Date });
  return async (
    event: EventBridgeEvent<string, unknown>,
    lambda?: Pick<Context, 'getRemainingTimeInMillis'>,
  ) => {
    const raw = (event.detail ?? {}) as Record<string, unknown>;
    const correlationId =
      typeof raw.correlationId === 'string' ? raw.correlationId : (event.id ?? newCorrelationId());
    const workspaceId = typeof raw.workspaceId === 'string' ? raw.workspaceId : undefined;
    return runWithContext(
      { correlationId, functionName: name, ...(workspaceId ? { workspaceId } : {}) },
      async () => {
        const detailType = event['detail-type'];
        const parsed = safeParse(contract.detail, event.detail);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
          logger.error('malformed event', { detailType, eventId: raw.eventId, busEventId: event.id, issues });
          throw new MalformedEventError(
            `${detailType} does not match ${contract.detailType}: ${issues.join('; ')}`,
          );
        }
        const detail = parsed.data;
        bindWorkspace(detail.workspaceId);
        await ports.workspaces.register(detail.workspaceId);
        const work = options.concerns ? await options.concerns(detail, { deps, detailType }) : (true as Work);
        if (work === false) {
          logger.debug('event not for this consumer', { detailType, eventId: detail.eventId });
          return;
        }

        const key = { consumer: name, workspaceId: detail.workspaceId, eventId: detail.eventId };
        const token = randomUUID();
        const now = ports.clock();
        const claimMs = lambda?.getRemainingTimeInMillis() ?? defaultClaimMs;
        const claim = await ports.dedupe.claim(key, token, new Date(now.getTime() + claimMs + 1000), now);
        if (claim === 'handled') {
          logger.info('event already handled', { detailType, eventId: detail.eventId });
          return;
        }
        if (claim === 'busy') {
          logger.warn('event being handled by another invocation', { detailType, eventId: detail.eventId });
          throw new EventInProgressError(`${detailType} ${detail.eventId} is being handled`);
        }
        try {
          await handle(detail, {
            deps,
            detailType,
            eventId: detail.eventId,
            workspaceId: detail.workspaceId,
            correlationId,
            log: logger,
            work,
          });
        } catch (error) {
          logger.error('event handling failed', { detailType, eventId: detail.eventId, error });
          await ports.dedupe
            .release(key, token)
            .catch((releaseError: unknown) =>
              logger.warn('event claim not released', { eventId: detail.eventId, error: releaseError }),
            );
          throw error;
        }
        if (!(await ports.dedupe.markHandled(key, token, ports.clock()))) {
          logger.warn('event claim lost before it was marked handled', {
            detailType,
            eventId: detail.eventId,
          });
        }
        logger.debug('event handled', {
          detailType,
          eventId: detail.eventId,
          ms: ports.clock().getTime() - now.getTime(),
        });
      },
    );
  };
}
