import { customFieldsRoutes } from '../../shared/custom-fields/custom-fields-routes';
import { listFieldDefinitions } from '../../shared/custom-fields/field-definitions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listFieldDefinitionsRoute = implement(
  customFieldsRoutes.ListFieldDefinitions,
  async ({ auth, query }) => ({
    body: { items: await listFieldDefinitions(deps.store, auth.workspaceId, query.entity) },
  }),
);
