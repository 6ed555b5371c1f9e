import { contactsErrors } from '../../shared/contacts/contacts-errors';
import { emailErrors } from '../../shared/email/email-errors';
import { emailRoutes } from '../../shared/email/email-routes';
import { listsErrors } from '../../shared/lists/lists-errors';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { addSuppressionRoute } from './add-suppression';
import { getContactEmailPreferencesRoute } from './get-contact-email-preferences';
import { getDeliverabilityRoute } from './get-deliverability';
import { getEmailSettingsRoute } from './get-email-settings';
import { getPreferencePageRoute } from './get-preference-page';
import { listSuppressionsRoute } from './list-suppressions';
import { oneClickUnsubscribeRoute } from './one-click-unsubscribe';
import { putContactEmailPreferencesRoute } from './put-contact-email-preferences';
import { putEmailSettingsRoute } from './put-email-settings';
import { putPreferencePageRoute } from './put-preference-page';
import { removeSuppressionRoute } from './remove-suppression';

/** The email API function: settings, suppressions, deliverability, preferences and the public links. */
export const handler = apiRouter(
  emailRoutes,
  {
    GetEmailSettings: getEmailSettingsRoute,
    PutEmailSettings: putEmailSettingsRoute,
    ListSuppressions: listSuppressionsRoute,
    AddSuppression: addSuppressionRoute,
    RemoveSuppression: removeSuppressionRoute,
    GetDeliverability: getDeliverabilityRoute,
    GetContactEmailPreferences: getContactEmailPreferencesRoute,
    PutContactEmailPreferences: putContactEmailPreferencesRoute,
    OneClickUnsubscribe: oneClickUnsubscribeRoute,
    GetPreferencePage: getPreferencePageRoute,
    PutPreferencePage: putPreferencePageRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [emailErrors, contactsErrors, listsErrors] },
);
