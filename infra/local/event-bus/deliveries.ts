import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from 'aws-lambda';
import type { Clock } from './clock';

export type BusEvent = EventBridgeEvent<string, unknown>;

/** Runs a function of the registry with an event, as Lambda's asynchronous invoke; rejects when it fails. */
export type InvokeFunction = (functionName: string, event: BusEvent) => Promise<unknown>;

export interface RetryPolicy {
  /** Attempts in all, the first included (Lambda async: 3). */
  attempts: number;
  /** Wait before the 2nd, 3rd... attempt; the last value repeats (Lambda: about 1 and 2 minutes). */
  delaysMs: readonly number[];
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, delaysMs: [1_000, 2_000] };

export interface DeadLetter {
  id: string;
  ruleName: string;
  functionName: string;
  event: BusEvent;
  attempts: number;
  error: { name: string; message: string };
  failedAt: string;
}

export type DeliveryOutcome =
  | { status: 'delivered'; attempts: number }
  | { status: 'dead-lettered'; deadLetter: DeadLetter }
  | { status: 'abandoned' };

export interface Deliveries {
  /** Starts delivering in the background; the promise is for callers that want the outcome. */
  deliver(ruleName: string, functionName: string, event: BusEvent): Promise<DeliveryOutcome>;
  deadLetters(): readonly DeadLetter[];
  /** Takes a dead letter off the list and delivers its event again, with fresh attempts. */
  replay(id: string): Promise<DeliveryOutcome>;
  /** Resolves once no delivery is running or waiting to retry. */
  settled(): Promise<void>;
  /** Drops waiting retries; running invocations finish but are not retried. */
  stop(): void;
}

function describeError(error: unknown): DeadLetter['error'] {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/**
 * EventBridge hands an event to Lambda asynchronously; Lambda retries a failed function twice with
 * backoff and then sends the event to the function's dead-letter queue. Here: the same attempts, shorter
 * waits, and an in-memory dead-letter list that can be inspected and replayed.
 */
export function createDeliveries(options: {
  invoke: InvokeFunction;
  clock: Clock;
  retry: RetryPolicy;
  log?: (line: string) => void;
}): Deliveries {
  const { invoke, clock, retry, log } = options;
  const dead: DeadLetter[] = [];
  const running = new Set<Promise<DeliveryOutcome>>();
  const waits = new Set<() => void>();
  let stopped = false;

  // resolves false when the bus stops first
  const wait = (delayMs: number) =>
    new Promise<boolean>((resolve) => {
      let cancel: () => void = () => undefined;
      const abandon = () => {
        cancel();
        resolve(false);
      };
      waits.add(abandon);
      cancel = clock.setTimer(() => {
        waits.delete(abandon);
        resolve(true);
      }, delayMs);
    });

  async function attemptAll(
    ruleName: string,
    functionName: string,
    event: BusEvent,
  ): Promise<DeliveryOutcome> {
    // the target runs after the publisher has had its answer, as with EventBridge
    await new Promise((resolve) => setImmediate(resolve));
    let lastError: unknown;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (stopped) return { status: 'abandoned' };
      try {
        await invoke(functionName, event);
        return { status: 'delivered', attempts: attempt };
      } catch (error) {
        lastError = error;
        log?.(
          `${functionName} failed on ${event['detail-type']} ${event.id} (attempt ${attempt}/${retry.attempts}): ${describeError(error).message}`,
        );
      }
      if (attempt < retry.attempts) {
        const delay = retry.delaysMs[Math.min(attempt - 1, retry.delaysMs.length - 1)] ?? 0;
        if (!(await wait(delay))) return { status: 'abandoned' };
      }
    }
    if (stopped) return { status: 'abandoned' };
    const deadLetter: DeadLetter = {
      id: randomUUID(),
      ruleName,
      functionName,
      event,
      attempts: retry.attempts,
      error: describeError(lastError),
      failedAt: new Date(clock.now()).toISOString(),
    };
    dead.push(deadLetter);
    log?.(
      `${functionName} gave up on ${event.id}: dead letter ${deadLetter.id} (${deadLetter.error.message})`,
    );
    return { status: 'dead-lettered', deadLetter };
  }

  function deliver(ruleName: string, functionName: string, event: BusEvent): Promise<DeliveryOutcome> {
    const delivery = attemptAll(ruleName, functionName, event);
    running.add(delivery);
    void delivery.finally(() => running.delete(delivery));
    return delivery;
  }

  return {
    deliver,
    deadLetters: () => [...dead],
    replay(id) {
      const index = dead.findIndex((letter) => letter.id === id);
      const letter = dead[index];
      if (!letter) return Promise.reject(new Error(`no dead letter with id ${id}`));
      dead.splice(index, 1);
      return deliver(letter.ruleName, letter.functionName, letter.event);
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    stop() {
      stopped = true;
      for (const abandon of waits) abandon();
      waits.clear();
    },
  };
}
