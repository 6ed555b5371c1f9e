import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError } from '../platform/errors';
import { isId, newId } from '../platform/ids';
import { withoutKeys } from '../records/record-store';
import { expectVersion } from '../records/version-check';
import { GetCommand, PutCommand } from '../store/document-client';
import {
  countOfIndex,
  deleteExistingItem,
  deleteItems,
  queryAllOfIndex,
  queryAllWithPrefix,
} from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import {
  type ContactList,
  type ContactListWithCount,
  type ListInput,
  type ListPatch,
  maxListsPerWorkspace,
} from './list';
import { listsKeys } from './lists-keys';

const listItem = (workspaceId: string, list: ContactList) => ({
  ...listsKeys.list(workspaceId, list.id),
  entity: 'list',
  ...list,
});

/** Names are unique ignoring case. */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The lists of a workspace, by name: one Query on its settings partition. */
export async function listLists(store: Store, workspaceId: string): Promise<ContactList[]> {
  const items = await queryAllWithPrefix(store, listsKeys.listsPrefix(workspaceId));
  return items.map((item) => withoutKeys<ContactList>(item)).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Creates a list; its name is unique in the workspace (ignoring case), and a workspace has 50 at most.
 * Answered as the list's own route shows it: with its member count (none yet).
 */
export async function createList(
  { store, clock }: Deps,
  workspaceId: string,
  input: ListInput,
): Promise<ContactListWithCount> {
  const existing = await listLists(store, workspaceId);
  if (existing.some((list) => sameName(list.name, input.name))) throw new ConflictError('list.name_exists');
  if (existing.length >= maxListsPerWorkspace) throw new ConflictError('list.limit_reached');
  const now = clock();
  const list: ContactList = {
    id: newId(now.getTime()),
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: listItem(workspaceId, list),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { ...list, memberCount: 0 };
}

/** One GetItem; an id that cannot exist (or another workspace's) is not found. */
export async function findList(store: Store, workspaceId: string, listId: string) {
  if (!isId(listId)) return undefined;
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: listsKeys.list(workspaceId, listId),
      ConsistentRead: true,
    }),
  );
  return result.Item ? withoutKeys<ContactList>(result.Item) : undefined;
}

export async function getList(store: Store, workspaceId: string, listId: string): Promise<ContactList> {
  const list = await findList(store, workspaceId, listId);
  if (!list) throw new NotFoundError('list.not_found');
  return list;
}

/** The number of a list's members: a COUNT Query over its members on byParent (keys only, no items read). */
async function countListMembers(store: Store, workspaceId: string, listId: string): Promise<number> {
  return countOfIndex(store, crmTable.indexes.byParent, listsKeys.listMembersPartition(workspaceId, listId));
}

/** A list with its member count. */
export async function getListWithCount(
  store: Store,
  workspaceId: string,
  listId: string,
): Promise<ContactListWithCount> {
  const list = await getList(store, workspaceId, listId);
  return { ...list, memberCount: await countListMembers(store, workspaceId, listId) };
}

/**
 * Changes a list over the version the client saw (If-Match): a conditional Put, 409 when stale. Answered
 * with its member count, as the list's own route shows it.
 */
export async function updateList(
  { store, clock }: Deps,
  workspaceId: string,
  listId: string,
  patch: ListPatch,
  expectedVersion: number,
): Promise<ContactListWithCount> {
  const current = await getList(store, workspaceId, listId);
  if (current.version !== expectedVersion) throw new ConflictError('list.version_conflict');
  if (patch.name !== undefined && !sameName(patch.name, current.name)) {
    const others = await listLists(store, workspaceId);
    if (others.some((list) => list.id !== listId && sameName(list.name, patch.name as string))) {
      throw new ConflictError('list.name_exists');
    }
  }
  const { description: _description, ...rest } = current;
  const next: ContactList = {
    ...(patch.description === null ? rest : current),
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description ? { description: patch.description } : {}),
    version: current.version + 1,
    updatedAt: clock().toISOString(),
  };
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: listItem(workspaceId, next),
        ...expectVersion(expectedVersion),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw error.Item ? new ConflictError('list.version_conflict') : new NotFoundError('list.not_found');
    }
    throw error;
  }
  return { ...next, memberCount: await countListMembers(store, workspaceId, listId) };
}

/**
 * Deletes a list, then its memberships (in batches of 25). A crash in between leaves memberships of a
 * list that no longer exists: they are never shown (a contact's lists are read through the list items)
 * and deleting the contact removes them.
 */
export async function deleteList(store: Store, workspaceId: string, listId: string): Promise<void> {
  if (!isId(listId)) throw new NotFoundError('list.not_found');
  await deleteExistingItem(store, listsKeys.list(workspaceId, listId), 'list.not_found');
  const members = await queryAllOfIndex(
    store,
    crmTable.indexes.byParent,
    listsKeys.listMembersPartition(workspaceId, listId),
    { keysOnly: true },
  );
  await deleteItems(store, members as Array<{ pk: string; sk: string }>);
}
