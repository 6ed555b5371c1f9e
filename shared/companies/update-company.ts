import { checkCustomFields } from '../custom-fields/check-custom-fields';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { ConflictError } from '../platform/errors';
import { applyPatch } from '../records/apply-patch';
import { changedFields } from '../records/changed-fields';
import { tagWrites } from '../records/record-store';
import { tagEvents } from '../records/tag-changes';
import { expectVersion } from '../records/version-check';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { activeMemberCheck, notAnActiveMember } from '../team/active-member-check';
import type { Company } from './company';
import { CompanyUpdated } from './company-events';
import type { CompanyPatch } from './company-input';
import { companyItem } from './company-item';
import { getCompany } from './get-company';

/**
 * Changes a company over the version the client saw (If-Match), with its tag memberships, in one transaction;
 * a new owner must be an active member.
 */
export async function updateCompany(
  { store, clock }: Deps,
  workspaceId: string,
  id: string,
  patch: CompanyPatch,
  expectedVersion: number,
): Promise<Company> {
  const now = clock();
  const current = await getCompany({ store }, workspaceId, id);
  if (current.version !== expectedVersion) throw new ConflictError('company.version_conflict');
  const definitions = patch.customFields
    ? await listFieldDefinitions(store, workspaceId, 'company')
    : undefined;
  const next: Company = {
    ...applyPatch(current, patch, ['tags', 'customFields']),
    tags: patch.tags ?? current.tags,
    customFields: definitions
      ? checkCustomFields(definitions, current.customFields, patch.customFields)
      : current.customFields,
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  const ownerChanged = next.ownerId !== undefined && next.ownerId !== current.ownerId;
  try {
    await writeTransaction(store, [
      {
        Put: {
          TableName: store.tableName,
          Item: companyItem(workspaceId, next),
          ...expectVersion(expectedVersion),
        },
      },
      ...(ownerChanged && next.ownerId
        ? [activeMemberCheck(store.tableName, workspaceId, next.ownerId)]
        : []),
      ...tagWrites(store.tableName, workspaceId, 'COMPANY', id, current.tags, next.tags),
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [
          pendingEvent(CompanyUpdated, { company: next, changedFields: changedFields(current, next) }),
          ...tagEvents('company', id, current.tags, next.tags),
        ],
        now,
      ),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new ConflictError('company.version_conflict');
    if (ownerChanged && reasons && failedAt(reasons, 1)) throw notAnActiveMember('ownerId');
    throw error;
  }
  return next;
}
