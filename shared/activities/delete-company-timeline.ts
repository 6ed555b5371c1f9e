import { deleteItems, queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { activitiesKeys } from './activities-keys';

/**
 * What a deleted company leaves of its timeline (company.deleted): its own entries and their revisions, in
 * its partition (its contacts' entries stay with the contacts). Deleting what is already gone is no error,
 * so a redelivered event, or a retry after a crash halfway, finishes the work and changes nothing more.
 * Until it has run, the entries are shown nowhere: their company answers 404.
 */
export async function deleteCompanyTimeline(
  store: Store,
  workspaceId: string,
  companyId: string,
): Promise<{ deleted: number }> {
  const { pk, skPrefix } = activitiesKeys.timelinePrefix(workspaceId, 'COMPANY', companyId);
  const [entries, revisions] = await Promise.all([
    queryAllWithPrefix(store, { pk, skPrefix }),
    queryAllWithPrefix(store, { pk, skPrefix: 'REVISION#' }),
  ]);
  const items = [...entries, ...revisions].map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
  await deleteItems(store, items);
  return { deleted: items.length };
}
