import { createHash, timingSafeEqual } from 'node:crypto';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { $ZodType, output } from 'zod/v4/core';
import { type AuthContext, authFromClaims } from './auth';
import { type RouteContract, type RouteContracts, routeKeyOf } from './capability';
import {
  AppError,
  BadRequestError,
  type ErrorCode,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  registerErrorMessages,
  toErrorResponse,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors';
import { bindWorkspace, httpRequestContext, runWithContext } from './invocation-context';
import { jsonProblemsOf } from './json-body';
import { logger } from './logger';
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

type Parsed<R, K extends keyof RouteContract> = R extends { [P in K]: infer T }
  ? T extends $ZodType
    ? output<T>
    : undefined
  : undefined;

export interface ApiRequest<R extends RouteContract> {
  auth: AuthContext;
  body: Parsed<R, 'body'>;
  query: Parsed<R, 'query'>;
  /** The path parameters, parsed with the route's `params` schema. */
  params: Parsed<R, 'params'>;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** The body's bytes and media type as received (webhooks archive them as they came). */
  raw?: { bytes: Buffer; mediaType: string };
  /** The address the request came from, as API Gateway saw it (`requestContext.http.sourceIp`). */
  sourceIp?: string;
}

type State = {
  route?: RouteHandler<RouteContract>;
  auth?: AuthContext;
  rawBody?: unknown;
  raw?: ApiRequest<RouteContract>['raw'];
};
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

/** The header CloudFront adds to every request it forwards to the API (its value: ORIGIN_VERIFY_SECRET). */
export const originVerifyHeader = 'x-origin-verify';

export class OriginNotVerifiedError extends AppError {
  constructor() {
    super(403, 'request.origin_not_verified', { detail: 'the request did not come through CloudFront' });
  }
}

const digestOf = (text: string) => createHash('sha256').update(text).digest();

/** The viewer's address in `CloudFront-Viewer-Address` (`198.51.100.10:46532`, `2001:db8::1:46532`). */
function viewerAddressOf(header: string | undefined): string | undefined {
  const colon = header?.lastIndexOf(':') ?? -1;
  const address = header && colon > 0 ? header.slice(0, colon) : undefined;
  return address && address.length <= 45 ? address : undefined;
}

/**
 * Refuses, before any other work, a request that did not come through CloudFront, when the check is
 * configured (ORIGIN_VERIFY_SECRET, in AWS; the local cloud has no CloudFront): the execute-api endpoint
 * is public, and a caller that bypasses CloudFront would bypass its web ACL too. The header is removed
 * once checked, so nothing after this (archive, logs) keeps the secret; and the caller's address becomes
 * the viewer's as CloudFront saw it (API Gateway's `sourceIp` is then CloudFront's own).
 */
const verifyOrigin = (
  secret: string | undefined,
): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: ({ event }) => {
    if (!secret) return;
    const given = event.headers?.[originVerifyHeader];
    // digests of equal length, so the comparison takes the same time whatever was sent
    if (given === undefined || !timingSafeEqual(digestOf(given), digestOf(secret)))
      throw new OriginNotVerifiedError();
    delete event.headers[originVerifyHeader];
    const viewer = viewerAddressOf(event.headers['cloudfront-viewer-address']);
    if (viewer && event.requestContext.http) event.requestContext.http.sourceIp = viewer;
  },
});

/** Finds the route API Gateway matched (`GET /api/contacts/{id}`) among the capability's own: else 404. */
const resolveRoute = (
  handlers: ReadonlyMap<string, RouteHandler<RouteContract>>,
): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: ({ event, context }) => {
    const route = handlers.get(event.requestContext.routeKey);
    if (!route) throw new NotFoundError('route.not_found');
    stateOf(context).route = route;
  },
});

/**
 * Authenticates from verified claims and authorises by the route's roles (fail closed); the caller's
 * workspace then joins the log context and, on its first use, the workspace registry; the caller's member
 * item records its activity (and refuses a deactivated member).
 */
const authorize = (options: RouterOptions): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: async ({ event, context }) => {
    const state = stateOf(context);
    const allowed = state.route?.route.roles;
    if (allowed === 'public') return;
    const auth = authFromClaims(event.requestContext.authorizer?.jwt?.claims);
    if (!allowed || !auth.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenError(
        `roles ${auth.roles.join(',')} not allowed on ${event.requestContext.routeKey}`,
      );
    }
    state.auth = auth;
    bindWorkspace(auth.workspaceId);
    await options.onWorkspace?.(auth.workspaceId, auth);
  },
});

const formMediaType = 'application/x-www-form-urlencoded';

/**
 * An urlencoded body as the WHATWG URL Standard reads it (`+` is a space, `%2B` a plus, bad UTF-8 becomes
 * U+FFFD): `{ name: value }`, or `name: [values]` when a name repeats (several checkboxes of one group).
 */
export function parseFormUrlEncoded(text: string): Record<string, string | string[]> {
  // no prototype, so a field called __proto__ stays a field (and is refused by jsonProblemsOf)
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
 * urlencoded where `options` allow it), 400 for JSON that does not parse, nests deeper than `maxJsonDepth`,
 * has `__proto__` keys or text that is not valid Unicode. Exported for handlers that take the body raw and read it after archiving it.
 */
export function readRequestBody(
  bytes: Buffer,
  contentType: string | undefined,
  options: { formUrlEncoded?: boolean } = {},
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
  const problems = jsonProblemsOf(body);
  if (problems?.tooDeep) throw new BadRequestError('request.too_deep');
  if (problems) throw new ValidationError(problems.fields);
  return body;
}

/** Reads the body of a POST, PUT or PATCH (readRequestBody), unless the route takes it raw. */
const requestBody = (): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: ({ event, context }) => {
    const accepts = stateOf(context).route?.route.accepts ?? 'json';
    const method = event.requestContext.http.method;
    if (!['POST', 'PUT', 'PATCH'].includes(method) || event.body === undefined || event.body === '') return;
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
    stateOf(context).raw = { bytes: raw, mediaType: mediaTypeOf(event.headers['content-type']) };
    if (accepts === 'raw') return;
    stateOf(context).rawBody = readRequestBody(raw, event.headers['content-type'], {
      formUrlEncoded: accepts === 'form',
    });
  },
});

/** Errors below 500 are shown as they are; anything else is logged and becomes a generic 500. */
const errorResponse = (): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  onError: (request) => {
    const { statusCode, body, headers } = toErrorResponse(request.error);
    if (statusCode >= 500) {
      logger.error('request failed', {
        route: request.event.requestContext?.routeKey,
        requestId: request.context.awsRequestId,
        error:
          request.error instanceof Error
            ? { name: request.error.name, message: request.error.message, stack: request.error.stack }
            : String(request.error),
      });
    }
    request.response = json(statusCode, body, headers);
  },
});

/** A route of a capability with the code that answers it. */
export interface RouteHandler<R extends RouteContract> {
  route: R;
  run: (request: ApiRequest<R>) => Promise<ApiResult> | ApiResult;
}

/** Binds a route's contract to the code that answers it; the handler receives typed, validated input. */
export function implement<const R extends RouteContract>(
  route: R,
  run: (request: ApiRequest<R>) => Promise<ApiResult> | ApiResult,
): RouteHandler<R> {
  return { route, run };
}

function respond(result: ApiResult): ApiResponse {
  if (result.text !== undefined) {
    return {
      statusCode: result.statusCode ?? 200,
      headers: { 'cache-control': 'no-store', ...result.headers },
      body: result.text,
    };
  }
  const statusCode = result.statusCode ?? (result.body === undefined ? 204 : 200);
  return json(statusCode, result.body, result.headers);
}

export interface RouterOptions {
  /**
   * Called with the caller's workspace once it is authorised: its first-use registration (decision 100)
   * and the caller's member item with its last activity, which refuses a deactivated member (decision 151).
   */
  onWorkspace?: (workspaceId: string, auth: AuthContext) => Promise<void> | void;
  /**
   * The error catalogues (`<capability>-errors.ts`) of every code these routes may answer with beyond the
   * platform's: the capability's own and those of capabilities it calls into. A unit test reads the code
   * each API function bundles and checks that none is missing.
   */
  errors?: readonly Partial<Record<ErrorCode, string>>[];
  /** The value CloudFront's origin header must carry; ORIGIN_VERIFY_SECRET unless given. Unset: no check. */
  originSecret?: string;
}

/**
 * The Lambda handler of a capability's API function: one middleware stack for all its routes — error
 * response (last to act), the origin check (came through CloudFront), the route API Gateway matched, authorisation by the route's roles, the body
 * (JSON, urlencoded or raw, as the route accepts), then the route's zod schemas. Every route of the
 * capability must have its handler (the type says so), and no other route is served.
 */
export function apiRouter<const Rs extends RouteContracts>(
  routes: Rs,
  handlers: { [K in keyof Rs]: RouteHandler<Rs[K]> },
  options: RouterOptions = {},
) {
  registerErrorMessages(...(options.errors ?? []));
  const byRouteKey = new Map<string, RouteHandler<RouteContract>>();
  for (const [name, route] of Object.entries(routes)) {
    const handler = handlers[name] as RouteHandler<RouteContract> | undefined;
    if (handler?.route !== route) throw new Error(`${name}: its handler implements another route`);
    byRouteKey.set(routeKeyOf(route), handler);
  }
  const stack = middy<ApiEvent, ApiResponse, Error, ApiContext>()
    .use(errorResponse())
    .use(verifyOrigin(options.originSecret ?? (process.env.ORIGIN_VERIFY_SECRET || undefined)))
    .use(resolveRoute(byRouteKey))
    .use(authorize(options))
    .use(requestBody())
    .handler(async (event, context) => {
      const state = stateOf(context);
      const handler = state.route as RouteHandler<RouteContract>;
      const { route } = handler;
      const request = {
        auth: state.auth as AuthContext,
        // a raw-body route reads its bytes itself; its body schema only documents them
        body: route.body && route.accepts !== 'raw' ? parseOrThrow(route.body, state.rawBody) : undefined,
        query: route.query ? parseOrThrow(route.query, event.queryStringParameters ?? {}) : undefined,
        params: route.params ? parseOrThrow(route.params, event.pathParameters ?? {}) : undefined,
        headers: event.headers,
        raw: state.raw,
        sourceIp: event.requestContext.http?.sourceIp,
      } as ApiRequest<RouteContract>;
      return respond(await handler.run(request));
    });
  // every log line and outbox event of the request carries its correlation id
  const handler = (event: ApiEvent, context: Context) =>
    runWithContext(httpRequestContext(event, context.functionName), () => stack(event, context));
  // what the function can explain beyond the platform's codes: the unit tests read it
  return Object.assign(handler, {
    errorCodes: new Set((options.errors ?? []).flatMap((catalogue) => Object.keys(catalogue))),
  });
}
