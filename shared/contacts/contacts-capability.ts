import { defineCapability } from '../platform/capability';
import { TagAdded, TagRemoved } from '../records/tag-events';
import { ContactCreated, ContactDeleted, ContactUpdated } from './contact-events';
import { contactPersonalData } from './contact-personal-data';
import { contactsErrors } from './contacts-errors';
import { contactsKeys } from './contacts-keys';
import { contactsRoutes } from './contacts-routes';

export const contactsCapability = defineCapability({
  name: 'contacts',
  description: 'Contacts: people, their tags and their timeline',
  routes: contactsRoutes,
  api: {
    handler: 'contacts/contacts-api',
    // erasing a contact deletes its archived webhook deliveries (decision 110)
    access: { table: 'readWrite', archive: 'erase' },
  },
  events: [ContactCreated, ContactUpdated, ContactDeleted, TagAdded, TagRemoved],
  errors: contactsErrors,
  personalData: contactPersonalData,
  keys: contactsKeys,
});
