import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { eraseContact } from '../../shared/privacy/erase-contact';
import { archiveFromEnv } from '../../shared/webhooks/archive';

const deps = { ...depsFromEnv(), archive: archiveFromEnv() };

export const deleteContactRoute = implement(contactsRoutes.DeleteContact, async ({ auth, params }) => {
  await eraseContact(deps, auth.workspaceId, params.id);
  return { statusCode: 204 };
});
