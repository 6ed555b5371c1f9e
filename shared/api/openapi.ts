import type { $ZodType } from 'zod/v4/core';
import { toJSONSchema } from 'zod/v4/core';
import type { NamedRoute } from '../platform/capability';
import { errorMessages } from '../platform/error-catalogue';
import { type Registry, registry } from '../registry/capability-registry';
import { annotateSchemasForOpenApi } from './openapi-annotations';

type JsonSchema = Record<string, unknown>;

annotateSchemasForOpenApi();

const toSchema = (schema: $ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const errorResponse = {
  description: 'Error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', enum: Object.keys(errorMessages) },
              message: { type: 'string' },
              fields: { type: 'object', additionalProperties: { type: 'string' } },
              existingId: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

function operationOf(route: NamedRoute) {
  const schemas = route;
  const parameters: JsonSchema[] = [];
  const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  for (const name of pathNames)
    parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  if (schemas.query) {
    const query = toSchema(schemas.query, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  if (schemas.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      schema: { type: 'string' },
      description: 'The version the change is based on, as returned in ETag.',
    });
  }
  const status = String(schemas.status ?? 200);
  return {
    operationId: route.name,
    summary: route.summary,
    ...(route.roles === 'public' ? { security: [] } : { security: [{ bearer: [] }], 'x-roles': route.roles }),
    ...(parameters.length ? { parameters } : {}),
    ...(schemas.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(schemas.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [status]: schemas.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: toSchema(schemas.response, 'output') } },
          }
        : { description: status === '204' ? 'No content' : 'OK' },
      default: errorResponse,
    },
  };
}

/** The OpenAPI 3.1 document of the API, generated from the registry's routes and their zod schemas. */
export function buildOpenApiDocument(from: Registry = registry) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of from.routes) {
    paths[route.path] ??= {};
    const operations = paths[route.path] as Record<string, unknown>;
    operations[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Seed CRM API', version: '1.0.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
