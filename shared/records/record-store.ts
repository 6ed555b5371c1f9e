import { isId } from '../platform/ids';
import { searchKey } from '../platform/text';
import { GetCommand } from '../store/document-client';
import type { RecordKind } from '../store/keys';
import { batchGetItems, queryIndexPage, tagFilter } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import type { TransactItem } from '../store/transactions';
import type { Page } from './record-fields';
import { recordKeys } from './record-keys';

export type Item = Record<string, unknown>;

const keyAttributes = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'gsi5pk',
  'gsi5sk',
  'entity',
]);

/** The record as the API shows it: the stored item without its key attributes. */
export function withoutKeys<T>(item: Item): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !keyAttributes.has(name))) as T;
}

/** One GetItem; an id that cannot exist is answered without a request. */
export async function getRecordItem(store: Store, workspaceId: string, kind: RecordKind, id: string) {
  if (!isId(id)) return undefined;
  const result = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: recordKeys.record(workspaceId, kind, id),
      ConsistentRead: true,
    }),
  );
  return result.Item;
}

/** Index attributes of a record item: in its collection and in the name index. */
export function recordIndexKeys(workspaceId: string, kind: RecordKind, id: string, displayName: string) {
  return {
    ...recordKeys.record(workspaceId, kind, id),
    ...recordKeys.recordCollection(workspaceId, kind, id),
    ...recordKeys.recordName(workspaceId, kind, searchKey(displayName), id),
  };
}

/** Puts for tags added and deletes for tags removed, to run in the record's transaction. */
export function tagWrites(
  tableName: string,
  workspaceId: string,
  kind: RecordKind,
  id: string,
  before: readonly string[],
  after: readonly string[],
): TransactItem[] {
  const added = after.filter((tag) => !before.includes(tag));
  const removed = before.filter((tag) => !after.includes(tag));
  return [
    ...added.map((tag) => ({
      Put: { TableName: tableName, Item: recordKeys.recordTag(workspaceId, kind, id, tag) },
    })),
    ...removed.map((tag) => {
      const { pk, sk } = recordKeys.recordTag(workspaceId, kind, id, tag);
      return { Delete: { TableName: tableName, Key: { pk, sk } } };
    }),
  ];
}

export interface RecordListFilter {
  limit: number;
  cursor?: string;
  tag?: string;
  q?: string;
}

/**
 * Lists records of a kind, one page:
 * - `q`: name prefix on byName (with `tag` as a filter on the same page),
 * - `tag` alone: tag memberships on byCollection, then one BatchGet of the records,
 * - neither: the collection on byCollection, newest first.
 */
export async function listRecordItems(
  store: Store,
  workspaceId: string,
  kind: RecordKind,
  filter: RecordListFilter,
): Promise<Page<Item>> {
  const page = { limit: filter.limit, cursor: filter.cursor };
  if (filter.q !== undefined) {
    return queryIndexPage(
      store,
      workspaceId,
      crmTable.indexes.byName,
      recordKeys.recordNamePartition(workspaceId, kind),
      { ...page, sortPrefix: searchKey(filter.q) },
      tagFilter(filter.tag),
    );
  }
  const partition = filter.tag
    ? recordKeys.recordTagPartition(workspaceId, kind, filter.tag)
    : recordKeys.recordCollectionPartition(workspaceId, kind);
  const { items, nextCursor } = await queryIndexPage(
    store,
    workspaceId,
    crmTable.indexes.byCollection,
    partition,
    { ...page, newestFirst: true },
  );
  if (!filter.tag) return { items, nextCursor };
  const ids = items.map((item) => String(item.gsi1sk));
  return { items: await batchGetRecords(store, workspaceId, kind, ids), nextCursor };
}

/** Reads records by id in one BatchGet (retrying unprocessed keys), keeping the order of `ids`. */
export async function batchGetRecords(store: Store, workspaceId: string, kind: RecordKind, ids: string[]) {
  if (ids.length === 0) return [];
  const found = await batchGetItems(
    store,
    ids.map((id) => recordKeys.record(workspaceId, kind, id)),
  );
  const byId = new Map(found.map((item) => [String(item.id), item]));
  return ids.flatMap((id): Item[] => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}
