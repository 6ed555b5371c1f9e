import { routeSchemas } from '../../shared/api/route-schemas';
import { deleteContact } from '../../shared/contacts/delete-contact';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.DeleteContact, async ({ auth, path }) => {
  await deleteContact(deps, auth.workspaceId, path.id);
  return { statusCode: 204 };
});
