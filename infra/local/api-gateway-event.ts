import { randomUUID } from 'node:crypto';
import { type ApiFunctionSpec, routeKeyOf } from '../../shared/platform/capability';
import type { ApiEvent } from '../../shared/platform/http-handler';
import { type RegisteredRoute, registry } from '../../shared/registry/capability-registry';

export interface MatchedRoute {
  route: RegisteredRoute;
  /** The capability's API function that serves the route. */
  fn: ApiFunctionSpec;
  pathParameters: Record<string, string>;
}

const apiFunctionOf = new Map(registry.apiFunctions.map((fn) => [fn.name, fn]));

const compiled = registry.routes.map((route) => {
  const names: string[] = [];
  const pattern = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  const fn = apiFunctionOf.get(route.functionName);
  if (!fn) throw new Error(`${route.name}: no API function ${route.functionName} in the registry`);
  return { route, fn, names, regex: new RegExp(`^${pattern}$`) };
});

/** Finds the registry's route for a request, as API Gateway matches `METHOD /path/{param}` route keys. */
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  for (const route of compiled) {
    if (route.route.method !== method) continue;
    const match = route.regex.exec(path);
    if (!match) continue;
    const pathParameters: Record<string, string> = {};
    try {
      route.names.forEach((name, at) => {
        pathParameters[name] = decodeURIComponent(match[at + 1] ?? '');
      });
    } catch {
      continue; // a malformed %-escape matches no route, as in API Gateway
    }
    return { route: route.route, fn: route.fn, pathParameters };
  }
  return undefined;
}

/**
 * Claims as API Gateway's HTTP API JWT authorizer hands them to the Lambda: every value a string, an array
 * flattened to "[a b]" (so the local cloud exercises the same claim parsing as AWS).
 */
export function flattenedClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [
      name,
      Array.isArray(value)
        ? `[${value.join(' ')}]`
        : typeof value === 'string'
          ? value
          : JSON.stringify(value),
    ]),
  );
}

const textTypes = /^(application\/(json|x-www-form-urlencoded|xml|[a-z0-9.+-]+\+json)|text\/)/i;

/** The API Gateway HTTP API payload v2.0 event for a request, as AWS would deliver it to the Lambda. */
export function toApiGatewayEvent(input: {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  route: MatchedRoute;
  claims?: Record<string, unknown>;
  sourceIp: string;
}): ApiEvent {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(input.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  // no prototype: a parameter called __proto__ must arrive as one, as it does from API Gateway
  const query: Record<string, string> = Object.create(null);
  for (const [name, value] of input.url.searchParams) {
    query[name] = Object.hasOwn(query, name) ? `${query[name]},${value}` : value;
  }
  const contentType = headers['content-type'] ?? '';
  const isText = input.body.length === 0 || textTypes.test(contentType);
  const now = Date.now();
  const routeKey = routeKeyOf(input.route.route);
  return {
    version: '2.0',
    routeKey,
    rawPath: input.url.pathname,
    rawQueryString: input.url.search.replace(/^\?/, ''),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(input.route.pathParameters).length ? { pathParameters: input.route.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: input.method,
        path: input.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
      ...(input.claims
        ? { authorizer: { jwt: { claims: flattenedClaims(input.claims), scopes: null } } }
        : {}),
    },
    ...(input.body.length
      ? { body: isText ? input.body.toString('utf8') : input.body.toString('base64') }
      : {}),
    isBase64Encoded: !isText,
  };
}
