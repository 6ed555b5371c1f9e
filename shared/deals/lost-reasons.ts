import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../platform/deps';
import { ConflictError } from '../platform/errors';
import { GetCommand, UpdateCommand } from '../store/document-client';
import type { Store } from '../store/store';
import { dealsKeys } from './deals-keys';
import { defaultLostReasons, type LostReasons } from './pipeline';

/** The workspace's lost reasons (one GetItem): the defaults, version 0, until an admin saves a list. */
export async function getLostReasons(store: Store, workspaceId: string): Promise<LostReasons> {
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: dealsKeys.lostReasons(workspaceId),
      ConsistentRead: true,
    }),
  );
  return Item
    ? { reasons: Item.reasons as string[], version: Number(Item.version) }
    : { reasons: [...defaultLostReasons], version: 0 };
}

/**
 * Replaces the list, version + 1. A settings PUT like the others: an If-Match version, when the admin's
 * screen sends one, must be the current one (0: the defaults, nothing saved yet), else 409; without one
 * the last save wins.
 */
export async function putLostReasons(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  reasons: string[],
  expectedVersion: number | undefined,
): Promise<LostReasons> {
  const condition =
    expectedVersion === undefined
      ? {}
      : expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#version = :expected' };
  try {
    const result = await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: dealsKeys.lostReasons(workspaceId),
        UpdateExpression: 'SET reasons = :reasons, entity = :entity, updatedAt = :at ADD #version :one',
        ...condition,
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: {
          ':reasons': reasons,
          ':entity': 'dealLostReasons',
          ':at': clock().toISOString(),
          ':one': 1,
          ...(expectedVersion ? { ':expected': expectedVersion } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { reasons, version: Number(result.Attributes?.version) };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      throw new ConflictError('deal.lost_reasons_conflict');
    throw error;
  }
}
