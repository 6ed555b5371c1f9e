import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '../store/document-client';
import type { Store } from '../store/store';
import { memberKey } from '../team/team-keys';
import type { AuthContext } from './auth';
import { AppError } from './errors';

/** A member's activity is written at most this often per warm process. */
export const memberActivityIntervalMs = 60_000;

// per process: `${table}|${workspace}|${member}` → when its activity was last written
const lastWritten = new Map<string, number>();
const memoOf = (store: Store, workspaceId: string, memberId: string) =>
  `${store.tableName}|${workspaceId}|${memberId}`;

export class MemberDeactivatedError extends AppError {
  constructor() {
    super(403, 'auth.member_deactivated', { detail: 'the caller is a deactivated member' });
  }
}

/**
 * Keeps the caller's member item (decision 151): one UpdateItem that creates it from the token's claims
 * when absent (first sign-in), marks an invited member active, refreshes its roles from the token and sets
 * its last activity; its condition refuses a deactivated member (403 auth.member_deactivated). Written at
 * most once a minute per member and process, so most requests cost nothing.
 */
export async function recordMemberActivity(store: Store, auth: AuthContext, now: Date = new Date()) {
  const memo = memoOf(store, auth.workspaceId, auth.userId);
  const last = lastWritten.get(memo);
  if (last !== undefined && now.getTime() - last < memberActivityIntervalMs) return;
  const timestamp = now.toISOString();
  try {
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: memberKey(auth.workspaceId, auth.userId),
        UpdateExpression:
          'SET entity = :entity, id = :id, email = if_not_exists(email, :email), #roles = :roles, #status = :active, lastActiveAt = :now, version = if_not_exists(version, :one), createdAt = if_not_exists(createdAt, :now), updatedAt = if_not_exists(updatedAt, :now)',
        ConditionExpression: 'attribute_not_exists(pk) OR #status <> :deactivated',
        ExpressionAttributeNames: { '#roles': 'roles', '#status': 'status' },
        ExpressionAttributeValues: {
          ':entity': 'member',
          ':id': auth.userId,
          ':email': auth.email,
          ':roles': auth.roles,
          ':active': 'active',
          ':deactivated': 'deactivated',
          ':now': timestamp,
          ':one': 1,
        },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new MemberDeactivatedError();
    throw error;
  }
  lastWritten.set(memo, now.getTime());
}

/** Forgets that a member was seen, so its next request in this process checks its status again. */
export function forgetMemberActivity(store: Store, workspaceId: string, memberId: string): void {
  lastWritten.delete(memoOf(store, workspaceId, memberId));
}
