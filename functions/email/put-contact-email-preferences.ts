import { setContactEmailPreferences } from '../../shared/email/email-preferences';
import { emailRoutes } from '../../shared/email/email-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const putContactEmailPreferencesRoute = implement(
  emailRoutes.PutContactEmailPreferences,
  async ({ auth, params, body }) => ({
    body: await setContactEmailPreferences(deps, auth.workspaceId, params.contactId, body),
    statusCode: 200,
  }),
);
