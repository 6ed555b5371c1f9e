import { routeSchemas } from '../../shared/api/route-schemas';
import { listContacts } from '../../shared/contacts/list-contacts';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.ListContacts, async ({ auth, query }) => ({
  body: await listContacts(deps, auth.workspaceId, query),
}));
