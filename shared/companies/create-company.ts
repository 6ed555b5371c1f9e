import { checkCustomFields } from '../custom-fields/check-custom-fields';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import type { Deps } from '../platform/deps';
import { newId } from '../platform/ids';
import { tagWrites } from '../records/record-store';
import { writeTransaction } from '../store/transactions';
import type { Company, CompanyInput } from './company';
import { companyItem } from './company-item';

/** Creates a company and its tag memberships in one transaction. */
export async function createCompany(
  { store, clock }: Deps,
  workspaceId: string,
  input: CompanyInput,
): Promise<Company> {
  const definitions = await listFieldDefinitions(store, workspaceId, 'company');
  const customFields = checkCustomFields(definitions, {}, input.customFields);
  const now = clock();
  const timestamp = now.toISOString();
  const company: Company = {
    ...input,
    id: newId(now.getTime()),
    tags: input.tags ?? [],
    customFields,
    version: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  await writeTransaction(store, [
    {
      Put: {
        TableName: store.tableName,
        Item: companyItem(workspaceId, company),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...tagWrites(store.tableName, workspaceId, 'COMPANY', company.id, [], company.tags),
  ]);
  return company;
}
