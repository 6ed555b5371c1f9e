import { checkCustomFields } from '../custom-fields/check-custom-fields';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { newId } from '../platform/ids';
import { tagWrites } from '../records/record-store';
import { tagEvents } from '../records/tag-changes';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { activeMemberCheck, notAnActiveMember } from '../team/active-member-check';
import type { Company } from './company';
import { CompanyCreated } from './company-events';
import type { CompanyInput } from './company-input';
import { companyItem } from './company-item';

/** Creates a company, its tag memberships and its events in one transaction; its owner must be an active member. */
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
  try {
    await writeTransaction(store, [
      {
        Put: {
          TableName: store.tableName,
          Item: companyItem(workspaceId, company),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...(company.ownerId ? [activeMemberCheck(store.tableName, workspaceId, company.ownerId)] : []),
      ...tagWrites(store.tableName, workspaceId, 'COMPANY', company.id, [], company.tags),
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [pendingEvent(CompanyCreated, { company }), ...tagEvents('company', company.id, [], company.tags)],
        now,
      ),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (company.ownerId && reasons && failedAt(reasons, 1)) throw notAnActiveMember('ownerId');
    throw error;
  }
  return company;
}
