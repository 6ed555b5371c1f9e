import { routeSchemas } from '../../shared/api/route-schemas';
import { getContact } from '../../shared/contacts/get-contact';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.GetContact, async ({ auth, path }) => {
  const contact = await getContact(deps, auth.workspaceId, path.id);
  return { body: contact, headers: { etag: etagOf(contact.version) } };
});
