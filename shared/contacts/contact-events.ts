import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { Contact } from './contact';

/** Events of the contacts capability: what automations may react to. */
export const ContactCreated = defineEvent('contact.created', 1, { contact: Contact });
export const ContactUpdated = defineEvent('contact.updated', 1, {
  contact: Contact,
  /** Names of the top-level fields whose value changed (`customFields` for any custom field). */
  changedFields: z.array(z.string()),
});
export const ContactDeleted = defineEvent('contact.deleted', 1, { contactId: z.string() });
