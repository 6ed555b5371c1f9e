import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { addressHash } from '../email/address-hash';
import { emailKeys } from '../email/email-keys';
import type { EmailSettings } from '../email/email-settings';
import { batchGetItems } from '../store/queries';
import type { Store } from '../store/store';

/**
 * What campaigns read of the email capability's items, by its contract keys: the sending settings (with
 * the link secret), contacts' marketing preferences and suppressions by address hash.
 */
export type SendingSettings = Pick<
  EmailSettings,
  'fromName' | 'fromAddress' | 'replyTo' | 'postalAddress' | 'timeZone'
> & {
  /** Signs the unsubscribe links; never returned by the API. */
  linkSecret?: string;
};

export async function readSendingSettings(
  store: Store,
  workspaceId: string,
): Promise<SendingSettings | undefined> {
  const { Item } = await store.client.send(
    new GetCommand({ TableName: store.tableName, Key: emailKeys.settings(workspaceId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return {
    fromName: String(Item.fromName),
    fromAddress: String(Item.fromAddress),
    ...(typeof Item.replyTo === 'string' ? { replyTo: Item.replyTo } : {}),
    postalAddress: String(Item.postalAddress),
    timeZone: String(Item.timeZone),
    ...(typeof Item.linkSecret === 'string' ? { linkSecret: Item.linkSecret } : {}),
  };
}

/** The keys a page of contacts needs read to decide who may be mailed (with the contacts' own items). */
export function preferenceKey(workspaceId: string, contactId: string) {
  return emailKeys.emailPreferences(workspaceId, contactId);
}

export function suppressionKey(workspaceId: string, email: string) {
  return emailKeys.suppression(workspaceId, addressHash(email));
}

/** Items by key, any number (BatchGetItem takes 100 at a time). */
export async function batchGetMany(
  store: Store,
  keys: readonly { pk: string; sk: string }[],
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let at = 0; at < keys.length; at += 100) {
    found.push(...(await batchGetItems(store, keys.slice(at, at + 100) as Record<string, unknown>[])));
  }
  return found;
}
