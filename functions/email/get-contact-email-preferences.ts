import { getContactEmailPreferences } from '../../shared/email/email-preferences';
import { emailRoutes } from '../../shared/email/email-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getContactEmailPreferencesRoute = implement(
  emailRoutes.GetContactEmailPreferences,
  async ({ auth, params }) => ({
    body: await getContactEmailPreferences(deps, auth.workspaceId, params.contactId),
  }),
);
