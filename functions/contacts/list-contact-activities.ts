import { routeSchemas } from '../../shared/api/route-schemas';
import { listContactActivities } from '../../shared/forms/contact-activities';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListContactActivities, async ({ auth, path, query }) => ({
  body: await listContactActivities(deps, auth.workspaceId, path.id, query),
}));
