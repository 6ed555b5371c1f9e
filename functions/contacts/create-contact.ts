import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { createContact } from '../../shared/contacts/create-contact';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createContactRoute = implement(contactsRoutes.CreateContact, async ({ auth, body }) => {
  const contact = await createContact(deps, auth.workspaceId, body);
  return {
    statusCode: 201,
    body: contact,
    headers: { etag: etagOf(contact.version), location: `/api/contacts/${contact.id}` },
  };
});
