import { type Item, recordIndexKeys, withoutKeys } from '../records/record-store';
import type { Company } from './company';

export function companyItem(workspaceId: string, company: Company): Item {
  return {
    ...recordIndexKeys(workspaceId, 'COMPANY', company.id, company.name),
    entity: 'company',
    ...company,
  };
}

export function companyFromItem(item: Item): Company {
  const company = withoutKeys<Company>(item);
  return { ...company, tags: company.tags ?? [], customFields: company.customFields ?? {} };
}
