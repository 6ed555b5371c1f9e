import { customFieldsErrors } from '../../shared/custom-fields/custom-fields-errors';
import { customFieldsRoutes } from '../../shared/custom-fields/custom-fields-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { createFieldDefinitionRoute } from './create-field-definition';
import { deleteFieldDefinitionRoute } from './delete-field-definition';
import { listFieldDefinitionsRoute } from './list-field-definitions';
import { updateFieldDefinitionRoute } from './update-field-definition';

/** The custom-fields API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  customFieldsRoutes,
  {
    ListFieldDefinitions: listFieldDefinitionsRoute,
    CreateFieldDefinition: createFieldDefinitionRoute,
    UpdateFieldDefinition: updateFieldDefinitionRoute,
    DeleteFieldDefinition: deleteFieldDefinitionRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [customFieldsErrors] },
);
