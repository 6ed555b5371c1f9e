import { defineCapability } from '../platform/capability';
import { TagAdded, TagRemoved } from '../records/tag-events';
import { ContactCreated, ContactDeleted, ContactUpdated } from './contact-events';
import { contactsErrors } from './contacts-errors';
import { contactsRoutes } from './contacts-routes';

export const contactsCapability = defineCapability({
  name: 'contacts',
  description: 'Contacts: people, their tags and their timeline',
  routes: contactsRoutes,
  api: {
    handler: 'contacts/contacts-api',
    access: {
      table: 'readWrite',
    },
  },
  events: [ContactCreated, ContactUpdated, ContactDeleted, TagAdded, TagRemoved],
  errors: contactsErrors,
});
