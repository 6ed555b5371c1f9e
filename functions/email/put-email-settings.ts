import { emailRoutes } from '../../shared/email/email-routes';
import { putEmailSettings } from '../../shared/email/email-settings-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const putEmailSettingsRoute = implement(emailRoutes.PutEmailSettings, async ({ auth, body }) => ({
  body: await putEmailSettings(deps, auth.workspaceId, body),
}));
