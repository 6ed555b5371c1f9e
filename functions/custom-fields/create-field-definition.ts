import { customFieldsRoutes } from '../../shared/custom-fields/custom-fields-routes';
import { createFieldDefinition } from '../../shared/custom-fields/field-definitions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createFieldDefinitionRoute = implement(
  customFieldsRoutes.CreateFieldDefinition,
  async ({ auth, body }) => {
    const definition = await createFieldDefinition(deps.store, auth.workspaceId, body, deps.clock());
    return { statusCode: 201, body: definition, headers: { etag: etagOf(definition.version) } };
  },
);
