import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { ConflictError } from '../platform/errors';
import { tagWrites } from '../records/record-store';
import { expectVersion } from '../records/version-check';
import { keys } from '../store/keys';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { ContactDeleted } from './contact-events';
import { getContact } from './get-contact';

/**
 * Deletes a contact with its email uniqueness item and tag memberships, in one transaction over the
 * version just read; if the contact changed in between, it is read again (twice at most).
 */
export async function deleteContact({ store, clock }: Deps, workspaceId: string, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await getContact({ store }, workspaceId, id);
    const { ConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues } = expectVersion(
      current.version,
    );
    const items: TransactItem[] = [
      {
        Delete: {
          TableName: store.tableName,
          Key: keys.record(workspaceId, 'CONTACT', id),
          ConditionExpression,
          ExpressionAttributeNames,
          ExpressionAttributeValues,
        },
      },
      ...(current.email
        ? [{ Delete: { TableName: store.tableName, Key: keys.contactEmail(workspaceId, current.email) } }]
        : []),
      ...tagWrites(store.tableName, workspaceId, 'CONTACT', id, current.tags, []),
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [pendingEvent(ContactDeleted, { contactId: id })],
        clock(),
      ),
    ];
    try {
      await writeTransaction(store, items);
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons || !failedAt(reasons, 0)) throw error;
      if (attempt >= 2) throw new ConflictError('contact.version_conflict');
    }
  }
}
