import { buildOpenApiDocument } from '../../shared/api/openapi';
import { routeSchemas } from '../../shared/api/route-schemas';
import { apiHandler } from '../../shared/platform/http-handler';

const document = buildOpenApiDocument();

export const handler = apiHandler(routeSchemas.GetOpenApi, () => ({ body: document }));
