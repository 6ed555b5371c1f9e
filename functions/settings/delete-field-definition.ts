import { routeSchemas } from '../../shared/api/route-schemas';
import { deleteFieldDefinition } from '../../shared/custom-fields/field-definitions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.DeleteFieldDefinition, async ({ auth, path }) => {
  await deleteFieldDefinition(deps.store, auth.workspaceId, path);
  return { statusCode: 204 };
});
