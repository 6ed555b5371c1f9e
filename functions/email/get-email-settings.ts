import { emailRoutes } from '../../shared/email/email-routes';
import { readEmailSettings } from '../../shared/email/email-settings-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getEmailSettingsRoute = implement(emailRoutes.GetEmailSettings, async ({ auth }) => ({
  body: await readEmailSettings(deps, auth.workspaceId),
}));
