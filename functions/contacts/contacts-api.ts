import { contactsRoutes } from '../../shared/contacts/contacts-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createContactRoute } from './create-contact';
import { deleteContactRoute } from './delete-contact';
import { getContactRoute } from './get-contact';
import { listContactActivitiesRoute } from './list-contact-activities';
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
    ListContactActivities: listContactActivitiesRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()) },
);
