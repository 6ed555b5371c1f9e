import { apiDocsRoutes } from '../../shared/api/api-docs-routes';
import document from '../../shared/api/openapi.generated.json';
import { implement } from '../../shared/platform/http-handler';

/** The document is generated ahead from every route's schemas (npm run generate:openapi), not at cold start. */
export const getOpenApiRoute = implement(apiDocsRoutes.GetOpenApi, () => ({ body: document }));
