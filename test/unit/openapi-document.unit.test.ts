import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi';
import { openApiGzip } from '../../shared/api/openapi-gzip.generated';

describe('the served OpenAPI document', () => {
  it('is the one the routes and schemas make today (else run npm run generate:openapi)', () => {
    const served = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'api', 'openapi.generated.json'), 'utf8'),
    );
    expect(served, 'shared/api/openapi.generated.json is stale: run npm run generate:openapi').toEqual(
      JSON.parse(JSON.stringify(buildOpenApiDocument())),
    );
  });

  it('is bundled for the api-docs function gzipped, unpacking to the same document', () => {
    const packed = JSON.parse(gunzipSync(Buffer.from(openApiGzip, 'base64')).toString('utf8'));
    expect(packed, 'shared/api/openapi-gzip.generated.ts is stale: run npm run generate:openapi').toEqual(
      JSON.parse(JSON.stringify(buildOpenApiDocument())),
    );
  });
});
