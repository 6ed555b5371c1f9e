import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../../shared/api/openapi';

/**
 * Writes shared/api/openapi.generated.json, the OpenAPI document the api-docs function serves, from the
 * registry's routes and their zod schemas. Built ahead, so that function bundles no schema at all. Run
 * `npm run generate:openapi` after changing a route; openapi-document.unit.test.ts fails until then.
 */
const target = new URL('../../shared/api/openapi.generated.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`${target.pathname} written`);
