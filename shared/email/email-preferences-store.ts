import { batchGetItems } from '../store/queries';
import type { Store } from '../store/store';
import { emailKeys } from './email-keys';
import type { EmailPreferences } from './email-settings';

/** BatchGetItem takes at most 100 keys. */
const batchSize = 100;

/** The stored preferences item of a contact (`EMAIL_PREFERENCES` in its partition). */
export function emailPreferencesFromItem(item: Record<string, unknown>): EmailPreferences {
  return {
    contactId: String(item.contactId),
    marketing: item.marketing === 'subscribed' || item.marketing === 'unsubscribed' ? item.marketing : 'none',
    ...(typeof item.changedAt === 'string' ? { changedAt: item.changedAt } : {}),
    ...(typeof item.source === 'string' ? { source: item.source as EmailPreferences['source'] } : {}),
    ...(typeof item.note === 'string' ? { note: item.note } : {}),
    ...(typeof item.campaignId === 'string' ? { campaignId: item.campaignId } : {}),
  };
}

/** A contact nobody recorded anything for: not mailed (`none` is not consent). */
export const noEmailPreferences = (contactId: string): EmailPreferences => ({ contactId, marketing: 'none' });

/** The keys of a page of contacts' preferences, for a caller that reads them in a BatchGet of its own. */
export const emailPreferencesKeys = (workspaceId: string, contactIds: readonly string[]) =>
  contactIds.map((contactId) => emailKeys.emailPreferences(workspaceId, contactId));

/**
 * The email preferences of a page of contacts, by BatchGet (100 keys a request): every contact asked for is
 * in the map, `none` when it has no preferences item.
 */
export async function emailPreferencesOf(
  store: Store,
  workspaceId: string,
  contactIds: readonly string[],
): Promise<Map<string, EmailPreferences>> {
  const unique = [...new Set(contactIds)];
  const found = new Map<string, EmailPreferences>();
  for (let at = 0; at < unique.length; at += batchSize) {
    const items = await batchGetItems(
      store,
      emailPreferencesKeys(workspaceId, unique.slice(at, at + batchSize)),
    );
    for (const item of items) {
      const preferences = emailPreferencesFromItem(item);
      found.set(preferences.contactId, preferences);
    }
  }
  return new Map(unique.map((id) => [id, found.get(id) ?? noEmailPreferences(id)]));
}

/** One contact's preferences (a BatchGet of one key, strongly consistent). */
export async function emailPreferencesOfContact(
  store: Store,
  workspaceId: string,
  contactId: string,
): Promise<EmailPreferences> {
  return (
    (await emailPreferencesOf(store, workspaceId, [contactId])).get(contactId) ??
    noEmailPreferences(contactId)
  );
}
