import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { getContact } from '../../shared/contacts/get-contact';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getContactRoute = implement(contactsRoutes.GetContact, async ({ auth, params }) => {
  const contact = await getContact(deps, auth.workspaceId, params.id);
  return { body: contact, headers: { etag: etagOf(contact.version) } };
});
