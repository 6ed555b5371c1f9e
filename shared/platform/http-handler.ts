import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { rolesForRoute } from '../../functions/manifest';
import type { RouteSchemas } from '../api/route-schemas';
import { type AuthContext, authFromClaims } from './auth';
import {
  BadRequestError,
  type FieldErrors,
  ForbiddenError,
  PayloadTooLargeError,
  toErrorResponse,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors';
import { parseOrThrow } from './validation';

export const maxBodyBytes = 256 * 1024;

/** The API Gateway v2 event, with the claims the JWT authorizer (or the local cloud) verified. */
export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown>; scopes?: string[] | null } };
  };
};
export type ApiResponse = APIGatewayProxyStructuredResultV2;

export interface ApiResult {
  statusCode?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Schema = z.ZodType;
type RouteSpec = RouteSchemas;
type Parsed<S, K extends keyof RouteSpec> = S extends { [P in K]: infer T }
  ? T extends Schema
    ? z.output<T>
    : undefined
  : undefined;

export interface ApiRequest<S extends RouteSpec> {
  auth: AuthContext;
  body: Parsed<S, 'body'>;
  query: Parsed<S, 'query'>;
  path: Parsed<S, 'path'>;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
}

type State = { auth?: AuthContext; rawBody?: unknown };
type ApiContext = Context & { crm?: State };

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return {
    statusCode,
    headers: { ...jsonHeaders, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

function stateOf(context: ApiContext): State {
  context.crm ??= {};
  return context.crm;
}

/** Authenticates from verified claims and authorises by the route's roles in the manifest (fail closed). */
const authorize = (): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: ({ event, context }) => {
    const allowed = rolesForRoute(event.requestContext.routeKey);
    if (allowed === 'public') return;
    const auth = authFromClaims(event.requestContext.authorizer?.jwt?.claims);
    if (!allowed || !auth.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenError(
        `roles ${auth.roles.join(',')} not allowed on ${event.requestContext.routeKey}`,
      );
    }
    stateOf(context).auth = auth;
  },
});

/**
 * What no schema should have to think about: keys called `__proto__` (JavaScript objects and zod records
 * swallow them silently) and text that is not valid Unicode (lone surrogates, which DynamoDB refuses).
 */
function unsafeJsonParts(value: unknown, path: string[] = [], found = new Map<string, string>()) {
  if (typeof value === 'string') {
    if (!value.isWellFormed())
      found.set(path.join('.') || '(root)', 'This text contains invalid characters.');
  } else if (Array.isArray(value)) {
    for (const [at, item] of value.entries()) unsafeJsonParts(item, [...path, String(at)], found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '__proto__') found.set([...path, key].join('.'), 'This field is not allowed here.');
      else unsafeJsonParts(item, [...path, key], found);
    }
  }
  return found.size ? (Object.fromEntries(found) as FieldErrors) : undefined;
}

/** Reads a JSON body: 413 over 256 KB, 415 for another media type, 400 for JSON that does not parse. */
const jsonBody = (): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: ({ event, context }) => {
    const method = event.requestContext.http.method;
    if (!['POST', 'PUT', 'PATCH'].includes(method) || event.body === undefined || event.body === '') return;
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
    if (raw.byteLength > maxBodyBytes) throw new PayloadTooLargeError();
    const contentType = (event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (contentType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(contentType)) {
      throw new UnsupportedMediaTypeError();
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new BadRequestError('request.malformed_json');
    }
    const problems = unsafeJsonParts(body);
    if (problems) throw new ValidationError(problems);
    stateOf(context).rawBody = body;
  },
});

/** Errors below 500 are shown as they are; anything else is logged and becomes a generic 500. */
const errorResponse = (): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  onError: (request) => {
    const { statusCode, body } = toErrorResponse(request.error);
    if (statusCode >= 500) {
      console.error(
        JSON.stringify({
          level: 'error',
          route: request.event.requestContext?.routeKey,
          requestId: request.context.awsRequestId,
          error:
            request.error instanceof Error
              ? { name: request.error.name, message: request.error.message, stack: request.error.stack }
              : String(request.error),
        }),
      );
    }
    request.response = json(statusCode, body);
  },
});

/**
 * The one middleware stack of every HTTP handler: error response (last to act), authorisation,
 * JSON body, then the route's zod schemas. The handler receives typed, validated input.
 */
export function apiHandler<const S extends RouteSpec>(
  spec: S,
  run: (request: ApiRequest<S>) => Promise<ApiResult> | ApiResult,
) {
  return middy<ApiEvent, ApiResponse, Error, ApiContext>()
    .use(errorResponse())
    .use(authorize())
    .use(jsonBody())
    .handler(async (event, context) => {
      const state = stateOf(context);
      const request = {
        auth: state.auth as AuthContext,
        body: spec.body ? parseOrThrow(spec.body, state.rawBody) : undefined,
        query: spec.query ? parseOrThrow(spec.query, event.queryStringParameters ?? {}) : undefined,
        path: spec.path ? parseOrThrow(spec.path, event.pathParameters ?? {}) : undefined,
        headers: event.headers,
      } as ApiRequest<S>;
      const result = await run(request);
      const statusCode = result.statusCode ?? (result.body === undefined ? 204 : 200);
      return json(statusCode, result.body, result.headers);
    });
}
