import type { Deps } from '../platform/deps';
import type { Page } from '../records/record-fields';
import { listRecordItems } from '../records/record-store';
import { ownedRecordsPage } from '../team/owned-records';
import type { Company, CompanyListQuery } from './company';
import { companyFromItem } from './company-item';

/** Companies of a workspace, one page: those a member owns (byOwner), or by name prefix, tag or collection. */
export async function listCompanies(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  query: CompanyListQuery,
): Promise<Page<Company>> {
  if (query.ownerId !== undefined) {
    const page = await ownedRecordsPage(store, workspaceId, query.ownerId, 'COMPANIES', query);
    return { items: page.items.map(companyFromItem), nextCursor: page.nextCursor };
  }
  const page = await listRecordItems(store, workspaceId, 'COMPANY', query);
  return { items: page.items.map(companyFromItem), nextCursor: page.nextCursor };
}
