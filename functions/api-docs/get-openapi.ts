import { gunzipSync } from 'node:zlib';
import { apiDocsRoutes } from '../../shared/api/api-docs-routes';
import { openApiGzip } from '../../shared/api/openapi-gzip.generated';
import { implement } from '../../shared/platform/http-handler';

/**
 * The document is generated ahead from every route's schemas (npm run generate:openapi), not at cold start,
 * and bundled gzipped: unpacked once per cold start, it is served as it was generated.
 */
const documentText = gunzipSync(Buffer.from(openApiGzip, 'base64')).toString('utf8');

export const getOpenApiRoute = implement(apiDocsRoutes.GetOpenApi, () => ({
  text: documentText,
  headers: { 'content-type': 'application/json; charset=utf-8' },
}));
