import { getFormEmbed } from '../../shared/forms/form-embed';
import { formsRoutes } from '../../shared/forms/forms-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getFormEmbedRoute = implement(formsRoutes.GetFormEmbed, async ({ auth, params, headers }) => ({
  body: await getFormEmbed(deps.store, auth.workspaceId, params.formId, headers),
}));
