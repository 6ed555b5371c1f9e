import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { AppError } from '../platform/errors';
import { fromAttributeMap } from './attribute-values';
import { type TransactItem, TransactWriteCommand } from './document-client';
import type { Store } from './store';

export type { TransactItem };

export interface CancellationReason {
  index: number;
  code: string;
  item?: Record<string, unknown>;
}

/** The per-item reasons of a cancelled transaction, with the old item where DynamoDB returned it. */
export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason, index) => ({
    index,
    code: reason.Code ?? 'None',
    ...(reason.Item ? { item: fromAttributeMap(reason.Item) } : {}),
  }));
}

export function failedAt(reasons: CancellationReason[], index: number): CancellationReason | undefined {
  const reason = reasons[index];
  return reason && reason.code === 'ConditionalCheckFailed' ? reason : undefined;
}

/** How often a transaction cancelled only by conflicts is tried before the caller is told to try again. */
export const transactionAttempts = 5;

/** Transactions that kept losing to concurrent ones: a 409 the caller may simply repeat, never a 500. */
export class ContendedError extends AppError {
  constructor(detail: string) {
    super(409, 'request.contended', { detail, headers: { 'retry-after': '1' } });
  }
}

export interface TransactionOptions {
  /** Tries before giving up on conflicts (default `transactionAttempts`); a hot item may want more. */
  attempts?: number;
  /** The error a failed condition means (a stale version, a missing record), else the cancellation is rethrown. */
  explain?: (reasons: CancellationReason[]) => Error | undefined;
  /** What the caller is told when the transaction keeps losing (default 409 `request.contended`). */
  contended?: () => Error;
}

/**
 * Runs a transaction, trying again (up to `transactionAttempts` times, backing off with jitter) when it was
 * cancelled only because another transaction touched the same items at the same moment; when it keeps
 * losing, a 409 `request.contended`. Condition failures are not retried: `explain` names them.
 */
export async function writeTransaction(
  store: Store,
  items: TransactItem[],
  options: TransactionOptions = {},
): Promise<void> {
  const attempts = options.attempts ?? transactionAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      await store.client.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const explained = options.explain?.(reasons);
      if (explained) throw explained;
      const onlyConflicts =
        reasons.some((reason) => reason.code === 'TransactionConflict') &&
        reasons.every((reason) => reason.code === 'TransactionConflict' || reason.code === 'None');
      if (!onlyConflicts) throw error;
      if (attempt >= attempts)
        throw options.contended?.() ?? new ContendedError(`transaction conflicted ${attempt} times`);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** Math.min(attempt, 5)));
    }
  }
}
