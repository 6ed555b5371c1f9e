import { contactsErrors } from '../../shared/contacts/contacts-errors';
import { listsErrors } from '../../shared/lists/lists-errors';
import { listsRoutes } from '../../shared/lists/lists-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { addListMemberRoute } from './add-list-member';
import { createListRoute } from './create-list';
import { deleteListRoute } from './delete-list';
import { getListRoute } from './get-list';
import { listContactListsRoute } from './list-contact-lists';
import { listListMembersRoute } from './list-list-members';
import { listListsRoute } from './list-lists';
import { removeListMemberRoute } from './remove-list-member';
import { updateListRoute } from './update-list';

/** The lists API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  listsRoutes,
  {
    ListLists: listListsRoute,
    CreateList: createListRoute,
    GetList: getListRoute,
    UpdateList: updateListRoute,
    DeleteList: deleteListRoute,
    ListListMembers: listListMembersRoute,
    AddListMember: addListMemberRoute,
    RemoveListMember: removeListMemberRoute,
    ListContactLists: listContactListsRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [listsErrors, contactsErrors] },
);
