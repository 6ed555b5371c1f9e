import { contactsErrors } from '../../shared/contacts/contacts-errors';
import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { customFieldsErrors } from '../../shared/custom-fields/custom-fields-errors';
import { listsErrors } from '../../shared/lists/lists-errors';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createContactRoute } from './create-contact';
import { deleteContactRoute } from './delete-contact';
import { getContactRoute } from './get-contact';
import { listContactsRoute } from './list-contacts';
import { updateContactRoute } from './update-contact';

/** The contacts API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  contactsRoutes,
  {
    ListContacts: listContactsRoute,
    CreateContact: createContactRoute,
    GetContact: getContactRoute,
    UpdateContact: updateContactRoute,
    DeleteContact: deleteContactRoute,
  },
  {
    onWorkspace: registerWorkspacesIn(storeFromEnv()),
    errors: [contactsErrors, customFieldsErrors, listsErrors],
  },
);
