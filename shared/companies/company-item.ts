import { type Item, recordIndexKeys, withoutKeys } from '../records/record-store';
import { ownedBy } from '../team/team-keys';
import type { Company } from './company';

export function companyItem(workspaceId: string, company: Company): Item {
  return {
    ...recordIndexKeys(workspaceId, 'COMPANY', company.id, company.name),
    ...(company.ownerId ? ownedBy(workspaceId, company.ownerId, 'COMPANIES', company.id) : {}),
    entity: 'company',
    ...company,
  };
}

export function companyFromItem(item: Item): Company {
  const company = withoutKeys<Company>(item);
  return { ...company, tags: company.tags ?? [], customFields: company.customFields ?? {} };
}
