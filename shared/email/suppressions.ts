import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { NotFoundError } from '../platform/errors';
import { DeleteCommand, PutCommand } from '../store/document-client';
import { queryIndexPage } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { addressHash } from './address-hash';
import { emailKeys } from './email-keys';
import type { Suppression } from './email-settings';
import { suppressionFromItem, suppressionsOf } from './suppression-store';

/** The stored suppression entry: keyed by the address hash, listed newest first on byCollection. */
export function suppressionItem(workspaceId: string, suppression: Suppression): Record<string, unknown> {
  return {
    ...emailKeys.suppression(workspaceId, suppression.addressHash),
    ...emailKeys.suppressionListed(workspaceId, suppression.suppressedAt, suppression.addressHash),
    entity: 'emailSuppression',
    ...suppression,
  };
}

/**
 * Suppresses an address unless it is already: the first reason stays (a complaint after a hard bounce
 * changes nothing). True when this call suppressed it.
 */
export async function suppressAddress(
  store: Store,
  workspaceId: string,
  suppression: Omit<Suppression, 'addressHash'> & { email: string },
): Promise<boolean> {
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: suppressionItem(workspaceId, { ...suppression, addressHash: addressHash(suppression.email) }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function listSuppressions(
  store: Store,
  workspaceId: string,
  query: { limit: number; cursor?: string },
) {
  const page = await queryIndexPage(
    store,
    workspaceId,
    crmTable.indexes.byCollection,
    emailKeys.suppressionsPartition(workspaceId),
    { ...query, newestFirst: true },
  );
  return { items: page.items.map(suppressionFromItem), nextCursor: page.nextCursor };
}

/** A member suppresses an address by hand; an address suppressed already is answered as it is. */
export async function addManualSuppression(
  { store, clock }: { store: Store; clock: () => Date },
  workspaceId: string,
  email: string,
): Promise<Suppression> {
  const normalised = email.trim().toLowerCase();
  await suppressAddress(store, workspaceId, {
    email: normalised,
    reason: 'manual',
    suppressedAt: clock().toISOString(),
  });
  const hash = addressHash(normalised);
  const stored = (await suppressionsOf(store, workspaceId, [hash])).get(hash);
  if (!stored) throw new Error('the suppression just written was not found');
  return stored;
}

/** Lifts a suppression (an address that bounced was fixed); the soft bounces below it expire on their own. */
export async function removeSuppression(store: Store, workspaceId: string, hash: string): Promise<void> {
  try {
    await store.client.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: emailKeys.suppression(workspaceId, hash),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new NotFoundError('suppression.not_found');
    throw error;
  }
}
