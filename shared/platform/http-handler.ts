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
  /** A body that is not JSON (an HTML page): sent as it is, with its `content-type` in `headers`. */
  text?: string;
}

/** What a route accepts beyond JSON bodies (public form posts are `application/x-www-form-urlencoded`). */
export interface BodyOptions {
  /** Also read `application/x-www-form-urlencoded` bodies, into `{ name: value }` (`name: [values]` if repeated). */
  formUrlEncoded?: boolean;
  /** Hand the bytes over unread (no size, media type or JSON check): webhooks archive first, then judge. */
  rawBody?: boolean;
}

type Schema = z.core.$ZodType;
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
  /** The body's bytes and media type as received (webhooks archive them as they came). */
  raw?: { bytes: Buffer; mediaType: string };
  /** The address the request came from, as API Gateway saw it (`requestContext.http.sourceIp`). */
  sourceIp?: string;
}

type State = { auth?: AuthContext; rawBody?: unknown; raw?: ApiRequest<RouteSpec>['raw'] };
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

const formMediaType = 'application/x-www-form-urlencoded';

/**
 * An urlencoded body as the WHATWG URL Standard reads it (`+` is a space, `%2B` a plus, bad UTF-8 becomes
 * U+FFFD): `{ name: value }`, or `name: [values]` when a name repeats (several checkboxes of one group).
 */
export function parseFormUrlEncoded(text: string): Record<string, string | string[]> {
  // no prototype, so a field called __proto__ stays a field (and is refused by unsafeJsonParts)
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

const mediaTypeOf = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Reads a request body: 413 over 256 KB, 415 for a media type the route does not take (JSON, and
 * urlencoded where `options` allow it), 400 for JSON that does not parse, `__proto__` keys or text that is
 * not valid Unicode. Exported for handlers that take the body raw and read it after archiving it.
 */
export function readRequestBody(
  bytes: Buffer,
  contentType: string | undefined,
  options: Pick<BodyOptions, 'formUrlEncoded'> = {},
): unknown {
  if (bytes.byteLength > maxBodyBytes) throw new PayloadTooLargeError();
  const mediaType = mediaTypeOf(contentType);
  const isJson = mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
  const isForm = options.formUrlEncoded === true && mediaType === formMediaType;
  if (!isJson && !isForm) throw new UnsupportedMediaTypeError();
  let body: unknown;
  if (isForm) body = parseFormUrlEncoded(bytes.toString('utf8'));
  else {
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new BadRequestError('request.malformed_json');
    }
  }
  const problems = unsafeJsonParts(body);
  if (problems) throw new ValidationError(problems);
  return body;
}

/** Reads the body of a POST, PUT or PATCH (readRequestBody), unless the route takes it raw. */
const requestBody = (options: BodyOptions): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: ({ event, context }) => {
    const method = event.requestContext.http.method;
    if (!['POST', 'PUT', 'PATCH'].includes(method) || event.body === undefined || event.body === '') return;
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
    stateOf(context).raw = { bytes: raw, mediaType: mediaTypeOf(event.headers['content-type']) };
    if (options.rawBody) return;
    stateOf(context).rawBody = readRequestBody(raw, event.headers['content-type'], options);
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
 * JSON body (or urlencoded, where `options` allow it), then the route's zod schemas. The handler receives
 * typed, validated input.
 */
export function apiHandler<const S extends RouteSpec>(
  spec: S,
  run: (request: ApiRequest<S>) => Promise<ApiResult> | ApiResult,
  options: BodyOptions = {},
) {
  return middy<ApiEvent, ApiResponse, Error, ApiContext>()
    .use(errorResponse())
    .use(authorize())
    .use(requestBody(options))
    .handler(async (event, context) => {
      const state = stateOf(context);
      const request = {
        auth: state.auth as AuthContext,
        // a raw-body route reads its bytes itself; its body schema only documents them
        body: spec.body && !options.rawBody ? parseOrThrow(spec.body, state.rawBody) : undefined,
        query: spec.query ? parseOrThrow(spec.query, event.queryStringParameters ?? {}) : undefined,
        path: spec.path ? parseOrThrow(spec.path, event.pathParameters ?? {}) : undefined,
        headers: event.headers,
        raw: state.raw,
        sourceIp: event.requestContext.http?.sourceIp,
      } as ApiRequest<S>;
      const result = await run(request);
      if (result.text !== undefined) {
        return {
          statusCode: result.statusCode ?? 200,
          headers: { 'cache-control': 'no-store', ...result.headers },
          body: result.text,
        };
      }
      const statusCode = result.statusCode ?? (result.body === undefined ? 204 : 200);
      return json(statusCode, result.body, result.headers);
    });
}
