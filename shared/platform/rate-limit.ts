import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '../store/document-client';
import type { KeyPair } from '../store/key-parts';
import type { Store } from '../store/store';

/** At most `limit` requests in each fixed window of `windowSeconds`. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** One counter to take a request from: what it counts (for logs), its limit and the key of a window. */
export interface RateCounter {
  name: string;
  rate: RateLimit;
  /** The counter item of the window that starts at `windowStart` (epoch seconds). */
  keyOf: (windowStart: number) => KeyPair;
}

export type RateVerdict =
  | { allowed: true }
  | { allowed: false; counter: string; retryAfterSeconds: number; limit: number };

/** The fixed window `now` falls in: its start and the seconds until the next one (at least 1). */
export function windowOf(rate: RateLimit, now: Date): { start: number; retryAfterSeconds: number } {
  const seconds = Math.floor(now.getTime() / 1000);
  const start = seconds - (seconds % rate.windowSeconds);
  return { start, retryAfterSeconds: Math.max(1, start + rate.windowSeconds - seconds) };
}

/** Counters outlive their window by a day (TTL): housekeeping only, the window is in the key. */
const keepSeconds = 24 * 60 * 60;

/** One request more on a counter, only while it is under its limit: false when the window is full. */
async function take(store: Store, counter: RateCounter, start: number): Promise<boolean> {
  try {
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: counter.keyOf(start),
        UpdateExpression: 'ADD #count :one SET expiresAt = :expires, entity = :entity',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': counter.rate.limit,
          ':expires': start + counter.rate.windowSeconds + keepSeconds,
          ':entity': 'rateCounter',
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives back a request taken from a counter (a later counter refused it); a counter back at 0 goes. */
async function giveBack(store: Store, counter: RateCounter, start: number): Promise<void> {
  const key = counter.keyOf(start);
  const { Attributes } = await store.client.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: key,
      UpdateExpression: 'ADD #count :minusOne',
      ConditionExpression: 'attribute_exists(#count)',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':minusOne': -1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if (Attributes?.count !== 0) return;
  try {
    await store.client.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: key,
        ConditionExpression: '#count = :zero',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
  } catch (error) {
    // another request took from it meanwhile: it stays
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * Takes one request from each counter, in order, with an atomic `ADD` conditioned on the window's count
 * being under its limit (no read first, so concurrent requests cannot all slip through). A full counter
 * refuses the request: what earlier counters took is given back, so a refused request leaves the counts
 * as they were. Fixed windows: a client can send up to twice the limit across a window boundary.
 */
export async function takeFromRateLimits(
  store: Store,
  counters: readonly RateCounter[],
  now: Date,
): Promise<RateVerdict> {
  const taken: { counter: RateCounter; start: number }[] = [];
  for (const counter of counters) {
    const window = windowOf(counter.rate, now);
    if (await take(store, counter, window.start)) {
      taken.push({ counter, start: window.start });
      continue;
    }
    for (const earlier of taken) await giveBack(store, earlier.counter, earlier.start);
    return {
      allowed: false,
      counter: counter.name,
      retryAfterSeconds: window.retryAfterSeconds,
      limit: counter.rate.limit,
    };
  }
  return { allowed: true };
}
