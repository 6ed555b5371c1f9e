import { emailRoutes } from '../../shared/email/email-routes';
import { updatePreferencePage } from '../../shared/email/preference-page';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

/** Public: the preference page's changes (lists left or rejoined, unsubscribe from everything). */
export const putPreferencePageRoute = implement(emailRoutes.PutPreferencePage, async ({ params, body }) => ({
  body: await updatePreferencePage(deps, params.token, body),
  statusCode: 200,
}));
