import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi';

describe('the served OpenAPI document', () => {
  it('is the one the routes and schemas make today (else run npm run generate:openapi)', () => {
    const served = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'api', 'openapi.generated.json'), 'utf8'),
    );
    expect(served, 'shared/api/openapi.generated.json is stale: run npm run generate:openapi').toEqual(
      JSON.parse(JSON.stringify(buildOpenApiDocument())),
    );
  });
});
