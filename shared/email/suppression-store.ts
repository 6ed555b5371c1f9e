import { batchGetItems } from '../store/queries';
import type { Store } from '../store/store';
import { addressHash } from './address-hash';
import { emailKeys } from './email-keys';
import type { Suppression } from './email-settings';

const batchSize = 100;

export function suppressionFromItem(item: Record<string, unknown>): Suppression {
  return {
    addressHash: String(item.addressHash),
    ...(typeof item.email === 'string' ? { email: item.email } : {}),
    reason: item.reason as Suppression['reason'],
    suppressedAt: String(item.suppressedAt),
    ...(typeof item.campaignId === 'string' ? { campaignId: item.campaignId } : {}),
    ...(typeof item.messageId === 'string' ? { messageId: item.messageId } : {}),
    ...(typeof item.detail === 'string' ? { detail: item.detail } : {}),
  };
}

/** The keys of the suppression entries of some address hashes, for a caller's own BatchGet. */
export const suppressionKeys = (workspaceId: string, hashes: readonly string[]) =>
  hashes.map((hash) => emailKeys.suppression(workspaceId, hash));

/**
 * The suppression entries among some address hashes (BatchGet, 100 keys a request), by hash: a hash not
 * in the map is not suppressed.
 */
export async function suppressionsOf(
  store: Store,
  workspaceId: string,
  hashes: readonly string[],
): Promise<Map<string, Suppression>> {
  const unique = [...new Set(hashes)];
  const found = new Map<string, Suppression>();
  for (let at = 0; at < unique.length; at += batchSize) {
    for (const item of await batchGetItems(
      store,
      suppressionKeys(workspaceId, unique.slice(at, at + batchSize)),
    )) {
      const suppression = suppressionFromItem(item);
      found.set(suppression.addressHash, suppression);
    }
  }
  return found;
}

/** Which of some addresses are suppressed (by their hash): the set of suppressed addresses as given. */
export async function suppressedAddresses(
  store: Store,
  workspaceId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  const hashes = new Map(emails.map((email) => [email, addressHash(email)]));
  const suppressed = await suppressionsOf(store, workspaceId, [...hashes.values()]);
  return new Set(emails.filter((email) => suppressed.has(hashes.get(email) ?? '')));
}
