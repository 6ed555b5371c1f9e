import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { updateContact } from '../../shared/contacts/update-contact';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updateContactRoute = implement(
  contactsRoutes.UpdateContact,
  async ({ auth, params, body, headers }) => {
    const contact = await updateContact(
      deps,
      auth.workspaceId,
      params.id,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: contact, headers: { etag: etagOf(contact.version) } };
  },
);
