import { publicApiUrlFromEnv } from '../../shared/forms/api-base-url';
import { getFormEmbed } from '../../shared/forms/form-embed';
import { formsRoutes } from '../../shared/forms/forms-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();
const publicApiUrl = publicApiUrlFromEnv();

export const getFormEmbedRoute = implement(formsRoutes.GetFormEmbed, async ({ auth, params }) => ({
  body: await getFormEmbed(deps.store, auth.workspaceId, params.formId, publicApiUrl),
}));
