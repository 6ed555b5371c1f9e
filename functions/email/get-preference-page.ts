import { emailRoutes } from '../../shared/email/email-routes';
import { getPreferencePage } from '../../shared/email/preference-page';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

/** Public: what the preference page of a signed link shows. */
export const getPreferencePageRoute = implement(emailRoutes.GetPreferencePage, async ({ params }) => ({
  body: await getPreferencePage(deps, params.token),
}));
