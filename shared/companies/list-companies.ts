import type { Deps } from '../platform/deps';
import type { Page } from '../records/record-fields';
import { listRecordItems } from '../records/record-store';
import type { Company, CompanyListQuery } from './company';
import { companyFromItem } from './company-item';

export async function listCompanies(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  query: CompanyListQuery,
): Promise<Page<Company>> {
  const page = await listRecordItems(store, workspaceId, 'COMPANY', query);
  return { items: page.items.map(companyFromItem), nextCursor: page.nextCursor };
}
