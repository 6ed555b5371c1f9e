import { apiDocsRoutes } from '../../shared/api/api-docs-routes';
import { buildOpenApiDocument } from '../../shared/api/openapi';
import { implement } from '../../shared/platform/http-handler';

const document = buildOpenApiDocument();

export const getOpenApiRoute = implement(apiDocsRoutes.GetOpenApi, () => ({ body: document }));
