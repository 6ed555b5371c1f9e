import { routeSchemas } from '../../shared/api/route-schemas';
import { createFieldDefinition } from '../../shared/custom-fields/field-definitions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.CreateFieldDefinition, async ({ auth, body }) => {
  const definition = await createFieldDefinition(deps.store, auth.workspaceId, body, deps.clock());
  return { statusCode: 201, body: definition, headers: { etag: etagOf(definition.version) } };
});
