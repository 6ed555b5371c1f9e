import { emailRoutes } from '../../shared/email/email-routes';
import { putEmailSettings } from '../../shared/email/email-settings-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

/** 201 the first time (the settings, and the link secret, come into being), 200 after. */
export const putEmailSettingsRoute = implement(emailRoutes.PutEmailSettings, async ({ auth, body }) => {
  const settings = await putEmailSettings(deps, auth.workspaceId, body);
  return { body: settings, statusCode: settings.version === 1 ? 201 : 200 };
});
