import { routeSchemas } from '../../shared/api/route-schemas';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { eraseContact } from '../../shared/privacy/erase-contact';
import { archiveFromEnv } from '../../shared/webhooks/archive';

const deps = { ...depsFromEnv(), archive: archiveFromEnv() };

export const handler = apiHandler(routeSchemas.DeleteContact, async ({ auth, path }) => {
  await eraseContact(deps, auth.workspaceId, path.id);
  return { statusCode: 204 };
});
