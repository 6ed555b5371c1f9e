import { contactFromItem } from '../contacts/contact-item';
import { getContact } from '../contacts/get-contact';
import { type PendingEvent, pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { recordKeys } from '../records/record-keys';
import { batchGetRecords, withoutKeys } from '../records/record-store';
import { queryAllWithPrefix, queryIndexPage } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import type {
  ContactList,
  ContactListsResponse,
  ListMembership,
  ListMembersPage,
  ListMembersQuery,
  MembershipSource,
} from './list';
import { ListJoined, ListLeft } from './list-events';
import { listsKeys } from './lists-keys';
import { getList, listLists } from './lists-store';

/** The memberships of one contact: one Query in its partition. */
export async function membershipsOf(store: Store, workspaceId: string, contactId: string) {
  const items = await queryAllWithPrefix(store, listsKeys.contactListsPrefix(workspaceId, contactId));
  return items.map((item) => withoutKeys<ListMembership>(item));
}

/**
 * The writes that put a contact on the lists it is not on yet, and their list.joined events: for the
 * caller's transaction. `current` is what membershipsOf read.
 */
export function joinListsWrites(
  tableName: string,
  workspaceId: string,
  contactId: string,
  lists: readonly ContactList[],
  current: readonly ListMembership[],
  source: MembershipSource,
  now: Date,
): { items: TransactItem[]; events: PendingEvent[] } {
  const joining = lists.filter((list) => !current.some((membership) => membership.listId === list.id));
  return {
    items: joining.map((list) => ({
      Put: {
        TableName: tableName,
        Item: {
          ...listsKeys.listMember(workspaceId, list.id, contactId),
          entity: 'listMember',
          listId: list.id,
          contactId,
          joinedAt: now.toISOString(),
          source,
        } satisfies Record<string, unknown> & ListMembership,
      },
    })),
    events: joining.map((list) =>
      pendingEvent(ListJoined, { listId: list.id, listName: list.name, contactId, source }),
    ),
  };
}

/**
 * Puts a contact on a list, with list.joined, in one transaction that also checks both still exist.
 * A contact on the list already is answered as it is (`created: false`), with no event.
 */
export async function addListMember(
  { store, clock }: Deps,
  workspaceId: string,
  listId: string,
  contactId: string,
  source: MembershipSource,
): Promise<{ membership: ListMembership; created: boolean }> {
  const list = await getList(store, workspaceId, listId);
  await getContact({ store }, workspaceId, contactId);
  const current = await membershipsOf(store, workspaceId, contactId);
  const existing = current.find((membership) => membership.listId === listId);
  if (existing) return { membership: existing, created: false };
  const now = clock();
  const { items, events } = joinListsWrites(store.tableName, workspaceId, contactId, [list], [], source, now);
  const checks: TransactItem[] = [
    {
      ConditionCheck: {
        TableName: store.tableName,
        Key: listsKeys.list(workspaceId, listId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    {
      ConditionCheck: {
        TableName: store.tableName,
        Key: recordKeys.record(workspaceId, 'CONTACT', contactId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
  ];
  const put = items[0]?.Put;
  if (!put) throw new Error('a membership write was expected');
  try {
    await writeTransaction(store, [
      ...checks,
      { Put: { ...put, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...outboxWrite(store.tableName, workspaceId, events, now),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new NotFoundError('list.not_found');
    if (reasons && failedAt(reasons, 1)) throw new NotFoundError('contact.not_found');
    if (reasons && failedAt(reasons, 2)) {
      // added at the same moment by someone else: the list has the contact, as asked
      const added = (await membershipsOf(store, workspaceId, contactId)).find((m) => m.listId === listId);
      if (added) return { membership: added, created: false };
    }
    throw error;
  }
  return {
    membership: { listId, contactId, joinedAt: now.toISOString(), source },
    created: true,
  };
}

/** Takes a contact off a list, with list.left. A contact not on the list is 404 (list.member_not_found). */
export async function removeListMember(
  { store, clock }: Deps,
  workspaceId: string,
  listId: string,
  contactId: string,
  userId: string,
): Promise<void> {
  const list = await getList(store, workspaceId, listId);
  await getContact({ store }, workspaceId, contactId);
  const { pk, sk } = listsKeys.listMember(workspaceId, listId, contactId);
  const now = clock();
  try {
    await writeTransaction(store, [
      {
        Delete: { TableName: store.tableName, Key: { pk, sk }, ConditionExpression: 'attribute_exists(pk)' },
      },
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [
          pendingEvent(ListLeft, {
            listId,
            listName: list.name,
            contactId,
            source: { kind: 'user', userId },
          }),
        ],
        now,
      ),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new NotFoundError('list.member_not_found');
    throw error;
  }
}

/** A list's members, one page in contact id order (byParent), each with its contact (one BatchGet). */
export async function listListMembers(
  store: Store,
  workspaceId: string,
  listId: string,
  query: ListMembersQuery,
): Promise<ListMembersPage> {
  await getList(store, workspaceId, listId);
  const page = await queryIndexPage(
    store,
    workspaceId,
    crmTable.indexes.byParent,
    listsKeys.listMembersPartition(workspaceId, listId),
    query,
  );
  const memberships = page.items.map((item) => withoutKeys<ListMembership>(item));
  const contacts = await batchGetRecords(
    store,
    workspaceId,
    'CONTACT',
    memberships.map((membership) => membership.contactId),
  );
  const byId = new Map(contacts.map((item) => [String(item.id), contactFromItem(item)]));
  return {
    // a contact deleted between the two reads is left out
    items: memberships.flatMap((membership) => {
      const contact = byId.get(membership.contactId);
      return contact ? [{ contact, joinedAt: membership.joinedAt, source: membership.source }] : [];
    }),
    nextCursor: page.nextCursor,
  };
}

/** The lists a contact is on, by list name. Memberships of a list deleted meanwhile are left out. */
export async function listContactLists(
  store: Store,
  workspaceId: string,
  contactId: string,
): Promise<ContactListsResponse> {
  await getContact({ store }, workspaceId, contactId);
  const [memberships, lists] = await Promise.all([
    membershipsOf(store, workspaceId, contactId),
    listLists(store, workspaceId),
  ]);
  return {
    items: lists.flatMap((list) => {
      const membership = memberships.find((candidate) => candidate.listId === list.id);
      return membership
        ? [
            {
              list: { id: list.id, name: list.name },
              joinedAt: membership.joinedAt,
              source: membership.source,
            },
          ]
        : [];
    }),
  };
}
