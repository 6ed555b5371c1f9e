import { customFieldsRoutes } from '../../shared/custom-fields/custom-fields-routes';
import { deleteFieldDefinition } from '../../shared/custom-fields/field-definitions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteFieldDefinitionRoute = implement(
  customFieldsRoutes.DeleteFieldDefinition,
  async ({ auth, params }) => {
    await deleteFieldDefinition(deps.store, auth.workspaceId, params);
    return { statusCode: 204 };
  },
);
