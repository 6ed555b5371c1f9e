import { customFieldsRoutes } from '../../shared/custom-fields/custom-fields-routes';
import { updateFieldDefinition } from '../../shared/custom-fields/field-definitions-store';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updateFieldDefinitionRoute = implement(
  customFieldsRoutes.UpdateFieldDefinition,
  async ({ auth, params, body, headers }) => {
    const definition = await updateFieldDefinition(
      deps.store,
      auth.workspaceId,
      params,
      body,
      versionFromIfMatch(headers['if-match']),
      deps.clock(),
    );
    return { body: definition, headers: { etag: etagOf(definition.version) } };
  },
);
