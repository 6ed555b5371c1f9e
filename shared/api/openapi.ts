import { z } from 'zod';
import { type HttpFunctionName, type HttpFunctionSpec, httpFunctions } from '../../functions/manifest';
import { errorMessages } from '../platform/errors';
import { type RouteSchemas, routeSchemas } from './route-schemas';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
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

function operationOf(fn: HttpFunctionSpec, schemas: RouteSchemas) {
  const { trigger } = fn;
  const parameters: JsonSchema[] = [];
  const pathNames = [...trigger.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
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
    operationId: fn.name,
    summary: fn.description,
    ...(trigger.auth === 'jwt' ? { security: [{ bearer: [] }], 'x-roles': trigger.roles } : { security: [] }),
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

/** The OpenAPI 3.1 document of the API, generated from the manifest and the zod schemas. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const fn of httpFunctions) {
    paths[fn.trigger.path] ??= {};
    const operations = paths[fn.trigger.path] as Record<string, unknown>;
    operations[fn.trigger.method.toLowerCase()] = operationOf(fn, routeSchemas[fn.name as HttpFunctionName]);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Seed CRM API', version: '1.0.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
