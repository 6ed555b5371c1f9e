import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { ConflictError } from '../platform/errors';
import { recordKeys } from '../records/record-keys';
import { tagWrites } from '../records/record-store';
import { expectVersion } from '../records/version-check';
import { QueryCommand } from '../store/document-client';
import { crmTable } from '../store/table';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { companiesKeys } from './companies-keys';
import { CompanyDeleted } from './company-events';
import { getCompany } from './get-company';

/** One transaction holds 100 items: the company, its tags, its outbox item and the contacts to unlink. */
const transactionLimit = 100;

/**
 * Deletes a company and, in the same transaction, unlinks its contacts (each contact's version goes up) and
 * writes company.deleted; the activities capability deletes its own timeline on that event. A company with
 * more linked contacts than one transaction can hold answers 409.
 */
export async function deleteCompany({ store, clock }: Deps, workspaceId: string, id: string): Promise<void> {
  const company = await getCompany({ store }, workspaceId, id);
  const room = transactionLimit - 2 - company.tags.length;
  const index = crmTable.indexes.byParent;
  const linked = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionKey} = :pk`,
      ExpressionAttributeValues: { ':pk': companiesKeys.companyContactsPartition(workspaceId, id) },
      ProjectionExpression: 'id',
      Limit: room + 1,
    }),
  );
  const contactIds = (linked.Items ?? []).map((item) => String(item.id));
  if (contactIds.length > room) throw new ConflictError('company.has_too_many_contacts');
  const { ConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues } = expectVersion(
    company.version,
  );
  const at = clock();
  const now = at.toISOString();
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: store.tableName,
        Key: recordKeys.record(workspaceId, 'COMPANY', id),
        ConditionExpression,
        ExpressionAttributeNames,
        ExpressionAttributeValues,
      },
    },
    ...tagWrites(store.tableName, workspaceId, 'COMPANY', id, company.tags, []),
    ...outboxWrite(store.tableName, workspaceId, [pendingEvent(CompanyDeleted, { companyId: id })], at),
    ...contactIds.map(
      (contactId): TransactItem => ({
        Update: {
          TableName: store.tableName,
          Key: recordKeys.record(workspaceId, 'CONTACT', contactId),
          UpdateExpression:
            'REMOVE companyId, gsi3pk, gsi3sk SET #version = #version + :one, updatedAt = :now',
          ConditionExpression: 'companyId = :company',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':one': 1, ':now': now, ':company': id },
        },
      }),
    ),
  ];
  try {
    await writeTransaction(store, items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons?.some((_, at) => failedAt(reasons, at))) throw new ConflictError('company.version_conflict');
    throw error;
  }
}
