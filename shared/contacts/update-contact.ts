import { checkCustomFields } from '../custom-fields/check-custom-fields';
import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { ConflictError, ValidationError } from '../platform/errors';
import { applyPatch } from '../records/apply-patch';
import { changedFields } from '../records/changed-fields';
import { tagWrites } from '../records/record-store';
import { tagEvents } from '../records/tag-changes';
import { expectVersion } from '../records/version-check';
import { cancellationReasons, type TransactItem, writeTransaction } from '../store/transactions';
import { activeMemberCheck } from '../team/active-member-check';
import type { Contact } from './contact';
import { hasNameOrEmail } from './contact-display-name';
import { ContactUpdated } from './contact-events';
import type { ContactPatch } from './contact-input';
import { contactItem } from './contact-item';
import { throwContactWriteFailure } from './contact-write-failure';
import { contactsKeys } from './contacts-keys';
import { companyCheck, emailClaim } from './create-contact';
import { getContact } from './get-contact';

/**
 * Changes a contact based on the version the client saw (If-Match), in one transaction:
 * 1. the new contact item, only if the stored version is still the expected one (else 409);
 * 2. on an email change: release the old email's uniqueness item and claim the new one (409 if taken);
 * 3. on a company change: check that the new company exists; on an owner change, that it is an active member;
 * 4. tag memberships added and removed;
 * 5. the outbox item with contact.updated and tag events.
 */
export async function updateContact(
  { store, clock }: Deps,
  workspaceId: string,
  id: string,
  patch: ContactPatch,
  expectedVersion: number,
): Promise<Contact> {
  const now = clock();
  const current = await getContact({ store }, workspaceId, id);
  if (current.version !== expectedVersion) throw new ConflictError('contact.version_conflict');
  const definitions = patch.customFields
    ? await listFieldDefinitions(store, workspaceId, 'contact')
    : undefined;
  const next: Contact = {
    ...applyPatch(current, patch, ['tags', 'customFields']),
    tags: patch.tags ?? current.tags,
    customFields: definitions
      ? checkCustomFields(definitions, current.customFields, patch.customFields)
      : current.customFields,
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  if (!hasNameOrEmail(next))
    throw new ValidationError({ firstName: 'Give the contact a name or an email address.' });

  const items: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: contactItem(workspaceId, next),
        ...expectVersion(expectedVersion),
      },
    },
  ];
  let emailIndex = -1;
  if (next.email !== current.email) {
    if (current.email) {
      items.push({
        Delete: {
          TableName: store.tableName,
          Key: contactsKeys.contactEmail(workspaceId, current.email),
          ConditionExpression: 'contactId = :id',
          ExpressionAttributeValues: { ':id': id },
        },
      });
    }
    if (next.email) emailIndex = items.push(emailClaim(store.tableName, workspaceId, next.email, id)) - 1;
  }
  const companyIndex =
    next.companyId && next.companyId !== current.companyId
      ? items.push(companyCheck(store.tableName, workspaceId, next.companyId)) - 1
      : -1;
  const ownerIndex =
    next.ownerId && next.ownerId !== current.ownerId
      ? items.push(activeMemberCheck(store.tableName, workspaceId, next.ownerId)) - 1
      : -1;
  items.push(
    ...tagWrites(store.tableName, workspaceId, 'CONTACT', id, current.tags, next.tags),
    ...outboxWrite(
      store.tableName,
      workspaceId,
      [
        pendingEvent(ContactUpdated, { contact: next, changedFields: changedFields(current, next) }),
        ...tagEvents('contact', id, current.tags, next.tags),
      ],
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
  return next;
}
