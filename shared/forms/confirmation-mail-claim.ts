import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '../store/document-client';
import type { Store } from '../store/store';
import type { TransactItem } from '../store/transactions';
import type { FormRef } from './form-id';
import { formsKeys } from './forms-keys';

/** One double opt-in email per address and form in this time, unless the address confirms meanwhile. */
export const confirmationMailIntervalSeconds = 24 * 60 * 60;

/** The hex SHA-256 of the email as contacts store it (trimmed, lower case): the claim's key holds no address. */
export const emailHashOf = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * Claims the right to send an address its double opt-in email for a form: a conditional put that succeeds
 * when no claim exists, the last one is over (checked here: TTL deletes late, if at all) or the same
 * delivery holds it (a resend with the same submission id is a duplicate, not a repeat). False: an
 * email went out (or is on its way) less than 24 h ago. No read first, so two posts at once cannot both win.
 */
export async function claimConfirmationMail(
  store: Store,
  ref: FormRef,
  email: string,
  deliveryId: string,
  now: Date,
): Promise<boolean> {
  const emailHash = emailHashOf(email);
  const seconds = Math.floor(now.getTime() / 1000);
  const until = seconds + confirmationMailIntervalSeconds;
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...formsKeys.confirmationMail(ref.workspaceId, ref.id, emailHash),
          ...formsKeys.confirmationMailOfEmail(ref.workspaceId, emailHash, ref.id),
          entity: 'confirmationMail',
          claimedBy: deliveryId,
          claimedAt: now.toISOString(),
          until,
          expiresAt: until,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #until <= :now OR claimedBy = :deliveryId',
        ExpressionAttributeNames: { '#until': 'until' },
        ExpressionAttributeValues: { ':now': seconds, ':deliveryId': deliveryId },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives a claim back when its post was not queued after all (intake failed, or it was a duplicate). */
export async function releaseConfirmationMail(
  store: Store,
  ref: FormRef,
  email: string,
  deliveryId: string,
): Promise<void> {
  try {
    await store.client.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: formsKeys.confirmationMail(ref.workspaceId, ref.id, emailHashOf(email)),
        ConditionExpression: 'claimedBy = :deliveryId',
        ExpressionAttributeValues: { ':deliveryId': deliveryId },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Confirming ends the wait: a later post of a confirmed address is a new consent with its own email. */
export function releaseConfirmationMailWrite(tableName: string, ref: FormRef, email: string): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: formsKeys.confirmationMail(ref.workspaceId, ref.id, emailHashOf(email)),
    },
  };
}
