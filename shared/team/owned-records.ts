import type { Item } from '../records/record-store';
import { queryIndexPage, tagFilter } from '../store/queries';
import type { Store } from '../store/store';
import { crmTable } from '../store/table';
import { type OwnedCollection, ownedByPartition } from './team-keys';

/**
 * One page of what a member owns, newest first: ONE Query of the byOwner index ("my contacts"). A tag
 * narrows it with a filter, so a page may come back short with a cursor. The items are whole records
 * (the index projects every attribute).
 */
export function ownedRecordsPage(
  store: Store,
  workspaceId: string,
  ownerId: string,
  collection: OwnedCollection,
  page: { limit: number; cursor?: string; tag?: string },
): Promise<{ items: Item[]; nextCursor?: string }> {
  return queryIndexPage(
    store,
    workspaceId,
    crmTable.indexes.byOwner,
    ownedByPartition(workspaceId, ownerId, collection),
    { limit: page.limit, cursor: page.cursor, newestFirst: true },
    tagFilter(page.tag),
  );
}
