import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '../store/document-client';
import type { Store } from '../store/store';
import { platformKeys } from './platform-keys';

/** One consumer's handling of one event. */
export interface DedupeKey {
  consumer: string;
  workspaceId: string;
  eventId: string;
}

/**
 * `claimed`: ours to handle; `handled`: done before, skip it; `busy`: another invocation holds a live
 * claim (a duplicate delivery running now), so this one must be retried later, not skipped.
 */
export type ClaimOutcome = 'claimed' | 'handled' | 'busy';

/**
 * The dedupe port of the event frame. A claim expires when the invocation that took it must have ended
 * (its Lambda timeout), so a crash in the middle leaves nothing that blocks the retry.
 */
export interface EventDedupe {
  claim(key: DedupeKey, token: string, until: Date, now: Date): Promise<ClaimOutcome>;
  /** Records the event as handled; false when the claim was lost meanwhile (the work is done anyway). */
  markHandled(key: DedupeKey, token: string, now: Date): Promise<boolean>;
  /** Drops our claim after a failure, so the retry need not wait for it to expire. */
  release(key: DedupeKey, token: string): Promise<void>;
}

/** EventBridge and the outbox stream retry for up to 24 hours; a week of memory covers both, then TTL. */
const handledRetentionSeconds = 7 * 24 * 60 * 60;

const expiresAt = (now: Date) => Math.floor(now.getTime() / 1000) + handledRetentionSeconds;

function rethrowUnlessConditionFailed(error: unknown): false {
  if (error instanceof ConditionalCheckFailedException) return false;
  throw error;
}

export function dynamoEventDedupe(store: Store): EventDedupe {
  const keyOf = (key: DedupeKey) => platformKeys.eventHandled(key.workspaceId, key.consumer, key.eventId);
  return {
    async claim(key, token, until, now) {
      try {
        await store.client.send(
          new PutCommand({
            TableName: store.tableName,
            Item: {
              ...keyOf(key),
              entity: 'eventHandled',
              status: 'claimed',
              claimToken: token,
              claimedUntil: until.toISOString(),
              expiresAt: expiresAt(now),
            },
            ConditionExpression: 'attribute_not_exists(pk) OR (#status = :claimed AND claimedUntil < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':claimed': 'claimed', ':now': now.toISOString() },
          }),
        );
        return 'claimed';
      } catch (error) {
        rethrowUnlessConditionFailed(error);
      }
      const { Item } = await store.client.send(
        new GetCommand({ TableName: store.tableName, Key: keyOf(key), ConsistentRead: true }),
      );
      return Item?.status === 'handled' ? 'handled' : 'busy';
    },
    async markHandled(key, token, now) {
      try {
        await store.client.send(
          new UpdateCommand({
            TableName: store.tableName,
            Key: keyOf(key),
            UpdateExpression: 'SET #status = :handled, handledAt = :now, expiresAt = :expiresAt',
            ConditionExpression: 'claimToken = :token',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':handled': 'handled',
              ':now': now.toISOString(),
              ':expiresAt': expiresAt(now),
              ':token': token,
            },
          }),
        );
        return true;
      } catch (error) {
        return rethrowUnlessConditionFailed(error);
      }
    },
    async release(key, token) {
      try {
        await store.client.send(
          new DeleteCommand({
            TableName: store.tableName,
            Key: keyOf(key),
            ConditionExpression: 'claimToken = :token AND #status = :claimed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':token': token, ':claimed': 'claimed' },
          }),
        );
      } catch (error) {
        rethrowUnlessConditionFailed(error);
      }
    },
  };
}
