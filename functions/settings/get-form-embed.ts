import { routeSchemas } from '../../shared/api/route-schemas';
import { getFormEmbed } from '../../shared/forms/form-embed';
import { depsFromEnv } from '../../shared/platform/deps';
import { apiHandler } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const handler = apiHandler(routeSchemas.GetFormEmbed, async ({ auth, path, headers }) => ({
  body: await getFormEmbed(deps.store, auth.workspaceId, path.formId, headers),
}));
