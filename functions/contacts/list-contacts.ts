import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { listContacts } from '../../shared/contacts/list-contacts';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listContactsRoute = implement(contactsRoutes.ListContacts, async ({ auth, query }) => ({
  body: await listContacts(deps, auth.workspaceId, query),
}));
