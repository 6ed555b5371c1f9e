import { companiesKeys } from '../companies/companies-keys';
import { type Item, recordIndexKeys, withoutKeys } from '../records/record-store';
import { ownedBy } from '../team/team-keys';
import type { Contact } from './contact';
import { contactDisplayName } from './contact-display-name';

/** The stored item of a contact: the record plus the keys of every index it is in. */
export function contactItem(workspaceId: string, contact: Contact): Item {
  return {
    ...recordIndexKeys(workspaceId, 'CONTACT', contact.id, contactDisplayName(contact)),
    ...(contact.companyId ? companiesKeys.companyContact(workspaceId, contact.companyId, contact.id) : {}),
    ...(contact.ownerId ? ownedBy(workspaceId, contact.ownerId, 'CONTACTS', contact.id) : {}),
    entity: 'contact',
    ...contact,
  };
}

export function contactFromItem(item: Item): Contact {
  const contact = withoutKeys<Contact>(item);
  return { ...contact, tags: contact.tags ?? [], customFields: contact.customFields ?? {} };
}
