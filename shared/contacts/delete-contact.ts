import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import { membershipsOf } from '../lists/list-members';
import { listsKeys } from '../lists/lists-keys';
import type { Deps } from '../platform/deps';
import { ConflictError } from '../platform/errors';
import { recordKeys } from '../records/record-keys';
import { tagWrites } from '../records/record-store';
import { expectVersion } from '../records/version-check';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { ContactDeleted } from './contact-events';
import { contactsKeys } from './contacts-keys';
import { getContact } from './get-contact';

/**
 * Deletes a contact with its email uniqueness item, tag and list memberships, in one transaction over the
 * version just read; if the contact changed in between, it is read again (twice at most). A workspace has
 * at most 50 lists and a record 25 tags, so the transaction stays within DynamoDB's 100 items.
 * The last step of erasing a person (shared/privacy/erase-contact.ts), which removes the rest first: on its
 * own it would leave the person's activities, orders, deliveries... behind.
 */
export async function deleteContact({ store, clock }: Deps, workspaceId: string, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const [current, memberships] = await Promise.all([
      getContact({ store }, workspaceId, id),
      membershipsOf(store, workspaceId, id),
    ]);
    const { ConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues } = expectVersion(
      current.version,
    );
    const items: TransactItem[] = [
      {
        Delete: {
          TableName: store.tableName,
          Key: recordKeys.record(workspaceId, 'CONTACT', id),
          ConditionExpression,
          ExpressionAttributeNames,
          ExpressionAttributeValues,
        },
      },
      ...(current.email
        ? [
            {
              Delete: {
                TableName: store.tableName,
                Key: contactsKeys.contactEmail(workspaceId, current.email),
              },
            },
          ]
        : []),
      ...tagWrites(store.tableName, workspaceId, 'CONTACT', id, current.tags, []),
      ...memberships.map((membership) => {
        const { pk, sk } = listsKeys.listMember(workspaceId, membership.listId, id);
        return { Delete: { TableName: store.tableName, Key: { pk, sk } } };
      }),
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
