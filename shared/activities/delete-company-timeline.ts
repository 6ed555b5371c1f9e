import { deleteItems, queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { activitiesKeys } from './activities-keys';

/**
 * What a deleted company leaves of its timeline: its own entries and their revisions, in its partition (its
 * contacts' entries stay with the contacts). Run after the company's delete; a crash in between leaves
 * entries that nothing shows (their company answers 404) and that hold no one's personal data.
 */
export async function deleteCompanyTimeline(store: Store, workspaceId: string, companyId: string) {
  const { pk, skPrefix } = activitiesKeys.timelinePrefix(workspaceId, 'COMPANY', companyId);
  const [entries, revisions] = await Promise.all([
    queryAllWithPrefix(store, { pk, skPrefix }),
    queryAllWithPrefix(store, { pk, skPrefix: 'REVISION#' }),
  ]);
  await deleteItems(
    store,
    [...entries, ...revisions].map((item) => ({ pk: String(item.pk), sk: String(item.sk) })),
  );
}
