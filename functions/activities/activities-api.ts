import { activitiesErrors } from '../../shared/activities/activities-errors';
import { activitiesRoutes } from '../../shared/activities/activities-routes';
import { companiesErrors } from '../../shared/companies/companies-errors';
import { contactsErrors } from '../../shared/contacts/contacts-errors';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { deleteCompanyActivityRoute } from './delete-company-activity';
import { deleteContactActivityRoute } from './delete-contact-activity';
import { editCompanyActivityRoute } from './edit-company-activity';
import { editContactActivityRoute } from './edit-contact-activity';
import { getContactOverviewRoute } from './get-contact-overview';
import { listCompanyActivitiesRoute } from './list-company-activities';
import { listCompanyActivityRevisionsRoute } from './list-company-activity-revisions';
import { listContactActivitiesRoute } from './list-contact-activities';
import { listContactActivityRevisionsRoute } from './list-contact-activity-revisions';
import { logCompanyActivityRoute } from './log-company-activity';
import { logContactActivityRoute } from './log-contact-activity';

/** The activities API function: timelines, activities and the contact overview, one Lambda. */
export const handler = apiRouter(
  activitiesRoutes,
  {
    ListContactActivities: listContactActivitiesRoute,
    LogContactActivity: logContactActivityRoute,
    EditContactActivity: editContactActivityRoute,
    DeleteContactActivity: deleteContactActivityRoute,
    ListContactActivityRevisions: listContactActivityRevisionsRoute,
    GetContactOverview: getContactOverviewRoute,
    ListCompanyActivities: listCompanyActivitiesRoute,
    LogCompanyActivity: logCompanyActivityRoute,
    EditCompanyActivity: editCompanyActivityRoute,
    DeleteCompanyActivity: deleteCompanyActivityRoute,
    ListCompanyActivityRevisions: listCompanyActivityRevisionsRoute,
  },
  {
    onWorkspace: registerWorkspacesIn(storeFromEnv()),
    errors: [activitiesErrors, contactsErrors, companiesErrors],
  },
);
