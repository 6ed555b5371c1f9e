import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi';
import { routeKeyOf } from '../../shared/platform/capability';
import { errorMessages } from '../../shared/platform/error-catalogue';
import { registry } from '../../shared/registry/capability-registry';
import { schemasOf } from '../support/registry-routes';

interface Operation {
  operationId: string;
  security: unknown[];
  parameters?: Array<{ name: string; in: string; required: boolean }>;
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
}

const document = buildOpenApiDocument();
const operationOf = (method: string, path: string) =>
  (document.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with a bearer scheme', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('has exactly one operation per manifest http route', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(registry.routes.map((fn) => routeKeyOf(fn)).sort());
  });

  describe.each(registry.routes.map((fn) => [routeKeyOf(fn), fn] as const))('%s', (_key, fn) => {
    const operation = operationOf(fn.method, fn.path) as Operation;
    const schemas = schemasOf(fn);

    it('is named after the function and secured as the manifest says', () => {
      expect(operation.operationId).toBe(fn.name);
      expect(operation.security).toEqual(fn.roles !== 'public' ? [{ bearer: [] }] : []);
    });

    it('has a JSON requestBody exactly when the route has a body schema', () => {
      if (schemas.body) {
        expect(operation.requestBody?.required).toBe(true);
        // an object, or a discriminated union of objects (an activity's body: one branch per type)
        const body = operation.requestBody?.content['application/json']?.schema as { oneOf?: object[] };
        for (const branch of body?.oneOf ?? [body]) expect(branch).toMatchObject({ type: 'object' });
      } else {
        expect(operation.requestBody).toBeUndefined();
      }
    });

    it('declares every path parameter, query parameter and If-Match', () => {
      const parameters = operation.parameters ?? [];
      const pathNames = [...fn.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathNames);
      expect(parameters.filter((p) => p.in === 'path').every((p) => p.required)).toBe(true);
      const queryNames = schemas.query
        ? Object.keys((schemas.query as unknown as { shape: Record<string, unknown> }).shape)
        : [];
      expect(parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(queryNames);
      expect(parameters.some((p) => p.in === 'header' && p.name === 'If-Match')).toBe(
        Boolean(schemas.ifMatch),
      );
    });

    it('documents its success status and the error shape', () => {
      const status = String(schemas.status ?? 200);
      expect(Object.keys(operation.responses).sort()).toEqual([status, 'default'].sort());
      if (schemas.response) expect(operation.responses[status]?.content?.['application/json']).toBeDefined();
      const error = operation.responses.default?.content?.['application/json']?.schema as {
        properties: { error: { properties: { code: { enum: string[] } } } };
      };
      expect(error.properties.error.properties.code.enum.sort()).toEqual(Object.keys(errorMessages).sort());
    });
  });

  it('documents request bodies without server-owned fields', () => {
    for (const fn of registry.routes) {
      const operation = operationOf(fn.method, fn.path);
      type ObjectSchema = { properties?: Record<string, unknown>; additionalProperties?: boolean };
      const schema = operation?.requestBody?.content['application/json']?.schema as
        | (ObjectSchema & { oneOf?: ObjectSchema[] })
        | undefined;
      if (!schema) continue;
      // a public webhook's body is the sending platform's payload: it is verified and read by topic, not refused
      if (fn.roles === 'public' && fn.path.startsWith('/api/webhooks/')) continue;
      for (const branch of schema.oneOf ?? [schema]) {
        expect(branch.additionalProperties, fn.name).toBe(false);
        for (const owned of ['id', 'version', 'createdAt', 'updatedAt', 'workspaceId'])
          expect(Object.keys(branch.properties ?? {}), fn.name).not.toContain(owned);
      }
    }
  });
});
