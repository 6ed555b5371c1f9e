import { addressHash } from '../email/address-hash';
import { emailKeys } from '../email/email-keys';
import { emailPreferencesFromItem } from '../email/email-preferences-store';
import { listsKeys } from '../lists/lists-keys';
import { recordKeys } from '../records/record-keys';
import { batchGetItems, queryIndexPages } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import type { Audience, AudienceCount, AudienceExclusion, SkipReason } from './campaign';
import { campaignsKeys } from './campaigns-keys';
import type { PrepareCursor } from './campaigns-store';

type Item = Record<string, unknown>;

/** Audience members read per page: one transaction writes a page's recipients plus the campaign. */
export const audiencePageSize = 25;

/** What the audience decides for one contact: mailed (queued) or skipped with its reason. */
export interface AudienceDecision {
  contactId: string;
  email?: string;
  companyId?: string;
  skipReason?: SkipReason;
}

/**
 * One page of list members from the cursor on: the members of `audience.include[cursor.source]` after
 * `cursor.after` (byParent, in contact id order). Empty when that list has no more: the caller moves to
 * the next source. Read-only.
 */
export async function audiencePage(
  store: Store,
  workspaceId: string,
  audience: Audience,
  cursor: PrepareCursor,
  pageSize = audiencePageSize,
): Promise<string[]> {
  const source = audience.include[cursor.source];
  if (!source) return [];
  const pages = queryIndexPages(
    store,
    crmTable.indexes.byParent,
    listsKeys.listMembersPartition(workspaceId, source.listId),
    {
      // the member at the cursor itself comes again, and is dropped
      ...(cursor.after ? { range: { atOrAfter: cursor.after } } : {}),
      attributes: ['gsi3sk'],
      pageSize: pageSize + 1,
    },
  );
  for await (const items of pages) {
    const ids = items.map((item) => String(item.gsi3sk)).filter((id) => id !== cursor.after);
    if (ids.length > 0 || items.length === 0) return ids.slice(0, pageSize);
  }
  return [];
}

/**
 * Who of a page of contacts gets the message, and why the others do not (decision 170), from one
 * BatchGetItem of the contacts, their email preferences, their memberships of the excluded lists and
 * (when preparing) the recipients already written, then one of their suppressions by address hash.
 * Contacts that no longer exist, and (with `campaignId`) those already recipients through an earlier
 * list, are left out: a contact on two lists is one recipient. Read-only.
 */
export async function decideAudience(
  store: Store,
  workspaceId: string,
  contactIds: readonly string[],
  exclusions: readonly AudienceExclusion[],
  campaignId?: string,
): Promise<AudienceDecision[]> {
  if (contactIds.length === 0) return [];
  const excludedLists = exclusions.flatMap((exclusion) =>
    exclusion.kind === 'list' ? [exclusion.listId] : [],
  );
  const excludedTags = exclusions.flatMap((exclusion) => (exclusion.kind === 'tag' ? [exclusion.tag] : []));
  const keys = contactIds.flatMap((contactId) => [
    recordKeys.record(workspaceId, 'CONTACT', contactId),
    emailKeys.emailPreferences(workspaceId, contactId),
    ...excludedLists.map((listId) => {
      const { pk, sk } = listsKeys.listMember(workspaceId, listId, contactId);
      return { pk, sk };
    }),
    ...(campaignId ? [campaignsKeys.recipient(workspaceId, campaignId, contactId)] : []),
  ]);
  const found = await batchGetKeys(store, keys);
  const byKey = new Map(found.map((item) => [`${item.pk}|${item.sk}`, item]));
  const get = (key: { pk: string; sk: string }) => byKey.get(`${key.pk}|${key.sk}`);

  const contacts = contactIds.flatMap((contactId) => {
    const contact = get(recordKeys.record(workspaceId, 'CONTACT', contactId));
    if (!contact) return [];
    if (campaignId && get(campaignsKeys.recipient(workspaceId, campaignId, contactId))) return [];
    return [{ contactId, contact }];
  });
  const emails = contacts.flatMap(({ contact }) =>
    typeof contact.email === 'string' ? [contact.email] : [],
  );
  const suppressed = new Set(
    (
      await batchGetKeys(
        store,
        [...new Set(emails.map(addressHash))].map((hash) => emailKeys.suppression(workspaceId, hash)),
      )
    ).map((item) => String(item.pk)),
  );

  return contacts.map(({ contactId, contact }) => {
    const email = typeof contact.email === 'string' && contact.email !== '' ? contact.email : undefined;
    const companyId = typeof contact.companyId === 'string' ? contact.companyId : undefined;
    const tags = Array.isArray(contact.tags) ? (contact.tags as string[]) : [];
    const preferences = get(emailKeys.emailPreferences(workspaceId, contactId));
    const marketing = preferences ? emailPreferencesFromItem(preferences).marketing : 'none';
    const skipReason: SkipReason | undefined = !email
      ? 'no_email'
      : excludedLists.some((listId) => get(listsKeys.listMember(workspaceId, listId, contactId))) ||
          excludedTags.some((tag) => tags.includes(tag))
        ? 'excluded'
        : suppressed.has(emailKeys.suppression(workspaceId, addressHash(email)).pk)
          ? 'suppressed'
          : marketing === 'unsubscribed'
            ? 'unsubscribed'
            : marketing !== 'subscribed'
              ? 'no_consent'
              : undefined;
    return {
      contactId,
      ...(email ? { email } : {}),
      ...(companyId ? { companyId } : {}),
      ...(skipReason ? { skipReason } : {}),
    };
  });
}

async function batchGetKeys(store: Store, given: readonly { pk: string; sk: string }[]): Promise<Item[]> {
  // BatchGetItem refuses a request naming a key twice (a list both included and excluded, say)
  const keys = [...new Map(given.map((key) => [`${key.pk}|${key.sk}`, key])).values()];
  const found: Item[] = [];
  for (let at = 0; at < keys.length; at += 100) {
    found.push(...(await batchGetItems(store, keys.slice(at, at + 100) as Item[])));
  }
  return found;
}

/**
 * The live count of an audience (CountAudience): the same pages and decisions as preparation, read-only,
 * each contact once however many lists name it.
 */
export async function countAudience(
  store: Store,
  workspaceId: string,
  audience: Audience,
): Promise<AudienceCount> {
  const seen = new Set<string>();
  const count: AudienceCount = {
    contacts: 0,
    recipients: 0,
    skippedBy: { no_email: 0, no_consent: 0, unsubscribed: 0, suppressed: 0, excluded: 0 },
  };
  for (let source = 0; source < audience.include.length; source++) {
    let cursor: PrepareCursor = { source };
    for (;;) {
      const ids = await audiencePage(store, workspaceId, audience, cursor, 100);
      if (ids.length === 0) break;
      cursor = { source, after: ids[ids.length - 1] };
      const fresh = ids.filter((id) => !seen.has(id));
      for (const id of fresh) seen.add(id);
      for (const decision of await decideAudience(store, workspaceId, fresh, audience.exclude)) {
        count.contacts++;
        if (decision.skipReason) count.skippedBy[decision.skipReason]++;
        else count.recipients++;
      }
    }
  }
  return count;
}
