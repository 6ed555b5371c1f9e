import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { getRecordItem } from '../records/record-store';
import type { Company } from './company';
import { companyFromItem } from './company-item';

/** Exactly one GetItem. */
export async function getCompany(
  { store }: Pick<Deps, 'store'>,
  workspaceId: string,
  id: string,
): Promise<Company> {
  const item = await getRecordItem(store, workspaceId, 'COMPANY', id);
  if (!item) throw new NotFoundError('company.not_found');
  return companyFromItem(item);
}
