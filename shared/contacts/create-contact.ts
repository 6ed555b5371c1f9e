import { checkCustomFields } from '../custom-fields/check-custom-fields';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { newId } from '../platform/ids';
import { recordKeys } from '../records/record-keys';
import { tagWrites } from '../records/record-store';
import { tagEvents } from '../records/tag-changes';
import { cancellationReasons, type TransactItem, writeTransaction } from '../store/transactions';
import { activeMemberCheck } from '../team/active-member-check';
import type { Contact } from './contact';
import { ContactCreated } from './contact-events';
import type { ContactInput } from './contact-input';
import { contactItem } from './contact-item';
import { throwContactWriteFailure } from './contact-write-failure';
import { contactsKeys } from './contacts-keys';

/**
 * Creates a contact in one transaction:
 * 1. the contact item, which must not exist;
 * 2. the email's uniqueness item, which must not exist (else 409 with the owner's id);
 * 3. a check that the linked company exists, and that the owner is an active member;
 * 4. one membership item per tag;
 * 5. the outbox item with contact.created and tag.added events.
 */
export async function createContact(
  { store, clock }: Deps,
  workspaceId: string,
  input: ContactInput,
): Promise<Contact> {
  const definitions = await listFieldDefinitions(store, workspaceId, 'contact');
  const customFields = checkCustomFields(definitions, {}, input.customFields);
  const now = clock();
  const id = newId(now.getTime());
  const timestamp = now.toISOString();
  const contact: Contact = {
    ...input,
    id,
    tags: input.tags ?? [],
    customFields,
    version: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  const items: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: contactItem(workspaceId, contact),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  const emailIndex = contact.email
    ? items.push(emailClaim(store.tableName, workspaceId, contact.email, id)) - 1
    : -1;
  const companyIndex = contact.companyId
    ? items.push(companyCheck(store.tableName, workspaceId, contact.companyId)) - 1
    : -1;
  const ownerIndex = contact.ownerId
    ? items.push(activeMemberCheck(store.tableName, workspaceId, contact.ownerId)) - 1
    : -1;
  items.push(
    ...tagWrites(store.tableName, workspaceId, 'CONTACT', id, [], contact.tags),
    ...outboxWrite(
      store.tableName,
      workspaceId,
      [pendingEvent(ContactCreated, { contact }), ...tagEvents('contact', id, [], contact.tags)],
      now,
    ),
  );
  try {
    await writeTransaction(store, items);
  } catch (error) {
    throwContactWriteFailure(error, cancellationReasons(error), {
      versionIndex: 0,
      emailIndex,
      companyIndex,
      ownerIndex,
    });
  }
  return contact;
}

export function emailClaim(
  tableName: string,
  workspaceId: string,
  email: string,
  contactId: string,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...contactsKeys.contactEmail(workspaceId, email), contactId },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

export function companyCheck(tableName: string, workspaceId: string, companyId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: recordKeys.record(workspaceId, 'COMPANY', companyId),
      ConditionExpression: 'attribute_exists(pk)',
    },
  };
}
