import { defineRoutes } from '../platform/capability';
import { everyone, salesTeam } from '../platform/roles';
import { IdPath } from '../records/record-fields';
import { Contact, ContactListQuery, ContactPage } from './contact';
import { ContactInput, ContactPatch } from './contact-input';

/** The routes of contacts: what each accepts, answers and who may call it. */
export const contactsRoutes = defineRoutes({
  ListContacts: {
    method: 'GET',
    path: '/api/contacts',
    roles: everyone,
    summary: 'List contacts: newest first, by tag, by email or by name prefix',
    query: ContactListQuery,
    response: ContactPage,
  },
  CreateContact: {
    method: 'POST',
    path: '/api/contacts',
    roles: everyone,
    summary: 'Create a contact; the email is unique per workspace',
    body: ContactInput,
    response: Contact,
    status: 201,
  },
  GetContact: {
    method: 'GET',
    path: '/api/contacts/{id}',
    roles: everyone,
    summary: 'Read one contact',
    params: IdPath,
    response: Contact,
  },
  UpdateContact: {
    method: 'PATCH',
    path: '/api/contacts/{id}',
    roles: everyone,
    summary: 'Change a contact (If-Match version)',
    params: IdPath,
    body: ContactPatch,
    response: Contact,
    ifMatch: true,
  },
  DeleteContact: {
    method: 'DELETE',
    path: '/api/contacts/{id}',
    roles: salesTeam,
    summary: 'Delete a contact and its email and tag entries',
    params: IdPath,
    status: 204,
  },
});
