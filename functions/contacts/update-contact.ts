import { routeSchemas } from '../../shared/api/route-schemas';
import { updateContact } from '../../shared/contacts/update-contact';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.UpdateContact, async ({ auth, path, body, headers }) => {
  const contact = await updateContact(
    deps,
    auth.workspaceId,
    path.id,
    body,
    versionFromIfMatch(headers['if-match']),
  );
  return { body: contact, headers: { etag: etagOf(contact.version) } };
});
