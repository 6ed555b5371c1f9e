/**
 * The contact whose data an event carries, so that its outbox item and outbound deliveries can be found
 * and erased with the contact: `contactId`, `contact.id`, or the record of a contact's tag event.
 * `contact.deleted` names nobody: it is the one event about a person that must still go out after erasure,
 * and it carries only ids.
 */
export function personalSubjectOf(detailType: string, data: Record<string, unknown>): string | undefined {
  if (detailType === 'contact.deleted') return undefined;
  if (typeof data.contactId === 'string') return data.contactId;
  const contact = data.contact;
  if (contact && typeof contact === 'object' && typeof (contact as { id?: unknown }).id === 'string')
    return (contact as { id: string }).id;
  if (data.recordType === 'contact' && typeof data.recordId === 'string') return data.recordId;
  return undefined;
}
