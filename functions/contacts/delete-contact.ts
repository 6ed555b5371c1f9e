import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { deleteContact } from '../../shared/contacts/delete-contact';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteContactRoute = implement(contactsRoutes.DeleteContact, async ({ auth, params }) => {
  await deleteContact(deps, auth.workspaceId, params.id);
  return { statusCode: 204 };
});
