import { routeSchemas } from '../../shared/api/route-schemas';
import { updateFieldDefinition } from '../../shared/custom-fields/field-definitions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(
  routeSchemas.UpdateFieldDefinition,
  async ({ auth, path, body, headers }) => {
    const definition = await updateFieldDefinition(
      deps.store,
      auth.workspaceId,
      path,
      body,
      versionFromIfMatch(headers['if-match']),
      deps.clock(),
    );
    return { body: definition, headers: { etag: etagOf(definition.version) } };
  },
);
