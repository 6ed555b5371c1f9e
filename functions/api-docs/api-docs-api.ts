import { apiDocsRoutes } from '../../shared/api/api-docs-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { getOpenApiRoute } from './get-openapi';

/** The api-docs API function: every route of the capability, one Lambda. */
export const handler = apiRouter(apiDocsRoutes, {
  GetOpenApi: getOpenApiRoute,
});
