import { CompanyUpdated } from '../companies/company-events';
import { companyFromItem, companyItem } from '../companies/company-item';
import { ContactUpdated } from '../contacts/contact-events';
import { contactFromItem, contactItem } from '../contacts/contact-item';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { changedFields } from '../records/changed-fields';
import { getRecordItem, type Item } from '../records/record-store';
import { expectVersion } from '../records/version-check';
import { queryIndexPages } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { writeTransaction } from '../store/transactions';
import { type OwnedCollection, teamKeys } from './team-keys';

/** How a collection's records are read, re-keyed and announced when they change owner. */
const owned = {
  CONTACTS: {
    kind: 'CONTACT',
    move: (workspaceId: string, item: Item, ownerId: string, now: Date) => {
      const before = contactFromItem(item);
      const after = { ...before, ownerId, version: before.version + 1, updatedAt: now.toISOString() };
      return {
        version: before.version,
        item: contactItem(workspaceId, after),
        event: pendingEvent(ContactUpdated, { contact: after, changedFields: changedFields(before, after) }),
      };
    },
  },
  COMPANIES: {
    kind: 'COMPANY',
    move: (workspaceId: string, item: Item, ownerId: string, now: Date) => {
      const before = companyFromItem(item);
      const after = { ...before, ownerId, version: before.version + 1, updatedAt: now.toISOString() };
      return {
        version: before.version,
        item: companyItem(workspaceId, after),
        event: pendingEvent(CompanyUpdated, { company: after, changedFields: changedFields(before, after) }),
      };
    },
  },
} as const satisfies Partial<Record<OwnedCollection, unknown>>;

/** The ids a member owns in a collection, a page at a time (the byOwner index, oldest first). */
async function* ownedIds(store: Store, workspaceId: string, memberId: string, collection: OwnedCollection) {
  const pages = queryIndexPages(
    store,
    crmTable.indexes.byOwner,
    teamKeys.ownedByPartition(workspaceId, memberId, collection),
    { attributes: ['id'] },
  );
  for await (const items of pages) yield items.map((item) => String(item.id));
}

/**
 * Hands a deactivated member's contacts and companies to `reassignTo` (member.deactivated). For each record
 * the index lists: read it (strongly consistent; the index may lag), and if the member still owns it, put
 * it with the new owner, version + 1, and contact.updated / company.updated in one transaction. A record
 * changed meanwhile fails its version check and the event is retried; a redelivered event finds the records
 * already moved and changes nothing. Tasks and tickets are moved by their own capabilities.
 */
export async function reassignOwnedRecords(
  { store, clock }: Deps,
  workspaceId: string,
  memberId: string,
  reassignTo: string,
): Promise<number> {
  let moved = 0;
  for (const collection of ['CONTACTS', 'COMPANIES'] as const) {
    const { kind, move } = owned[collection];
    for await (const ids of ownedIds(store, workspaceId, memberId, collection)) {
      for (const id of ids) {
        const item = await getRecordItem(store, workspaceId, kind, id);
        if (!item || item.ownerId !== memberId) continue;
        const now = clock();
        const change = move(workspaceId, item, reassignTo, now);
        await writeTransaction(store, [
          { Put: { TableName: store.tableName, Item: change.item, ...expectVersion(change.version) } },
          ...outboxWrite(store.tableName, workspaceId, [change.event], now),
        ]);
        moved += 1;
      }
    }
  }
  return moved;
}
