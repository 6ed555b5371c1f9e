import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AppError,
  NotFoundError,
  PayloadTooLargeError,
  toErrorResponse,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from '../../shared/platform/errors';
import type { ApiResponse } from '../../shared/platform/http-handler';
import { LocalTokenRequest } from '../../shared/platform/local-token-request';
import { parseOrThrow } from '../../shared/platform/validation';
import { matchRoute, toApiGatewayEvent } from './api-gateway-event';
import { invokeFunction } from './function-runner';
import type { LocalAuth } from './local-auth';
import type { LocalUsers } from './local-users';
import { securityHeaders, serveStatic } from './static-site';

/** API Gateway's payload limit; the handlers refuse anything over 256 KB themselves. */
const maxPayloadBytes = 10 * 1024 * 1024;

export interface LocalApiOptions {
  port: number;
  host?: string;
  auth: LocalAuth;
  /** The local user pool: a disabled user gets no token, an invited one the roles of its groups. */
  users: LocalUsers;
  webDir: string;
  log?: (line: string) => void;
}

/**
 * The request's body, or a PayloadTooLargeError over 10 MB (by `content-length`, or once the bytes read
 * pass it). The rest of a refused body is still read and discarded, as Node does for a body nobody reads:
 * a keep-alive client's next request then starts where this one ends, instead of behind a paused stream.
 * (Node's `requestTimeout` bounds a body that never ends.)
 */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => {
      request.removeAllListeners('data');
      request.resume();
      reject(new PayloadTooLargeError());
    };
    if (Number(request.headers['content-length'] ?? 0) > maxPayloadBytes) return tooLarge();
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxPayloadBytes) return tooLarge();
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
  response
    .writeHead(statusCode, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...securityHeaders,
    })
    .end(JSON.stringify(body));
}

function sendError(response: ServerResponse, error: AppError | unknown): void {
  const { statusCode, body } = toErrorResponse(error);
  sendJson(response, statusCode, body);
}

function sendLambdaResult(response: ServerResponse, result: ApiResponse): void {
  const headers: Record<string, string | string[]> = { ...securityHeaders };
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body ?? '';
  response
    .writeHead(result.statusCode ?? 200, headers)
    .end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

async function bearerClaims(auth: LocalAuth, header: string | undefined): Promise<Record<string, unknown>> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) throw new UnauthorizedError('missing bearer token');
  try {
    return await auth.verify(token);
  } catch (error) {
    throw new UnauthorizedError(`token rejected: ${(error as Error).message}`);
  }
}

/**
 * The local sign-in hands out a token for any workspace and role, so only a page of this server may ask:
 * a loopback Host with the server's port (not a name DNS rebinding pointed at 127.0.0.1) and a JSON body
 * (which a cross-site page cannot send without a CORS preflight this server never grants).
 */
function assertLocalSignIn(request: IncomingMessage): void {
  const port = request.socket.localPort;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].flatMap((name) =>
    port === 80 ? [name, `${name}:80`] : [`${name}:${port}`],
  );
  const host = request.headers.host?.toLowerCase();
  if (!host || !loopback.includes(host)) {
    throw new AppError(403, 'auth.local_host_required', {
      detail: `local sign-in from host ${String(host).slice(0, 100)}`,
    });
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new UnsupportedMediaTypeError();
}

async function handleApi(
  options: LocalApiOptions,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) {
  const method = request.method ?? 'GET';
  const body = await readBody(request);
  if (method === 'POST' && url.pathname === '/api/local/token') {
    assertLocalSignIn(request);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8') || 'null');
    } catch {
      parsed = undefined;
    }
    const tokenRequest = parseOrThrow(LocalTokenRequest, parsed);
    const roles = options.users.signIn(tokenRequest);
    sendJson(response, 200, await options.auth.issue({ ...tokenRequest, roles }));
    return;
  }
  const route = matchRoute(method, url.pathname);
  if (!route) throw new NotFoundError('route.not_found');
  // the JWT authorizer runs before the function, as in API Gateway
  const claims =
    route.route.roles === 'public'
      ? undefined
      : await bearerClaims(options.auth, request.headers.authorization);
  const event = toApiGatewayEvent({
    method,
    url,
    headers: request.headers,
    body,
    route,
    claims,
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
  });
  const result = (await invokeFunction(route.fn, event, event.requestContext.requestId)) as ApiResponse;
  sendLambdaResult(response, result);
}

/** The local stand-in for API Gateway + CloudFront: the registry's routes call the real handler modules. */
export function startLocalApi(options: LocalApiOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.on('finish', () => {
      if (url.pathname.startsWith('/api')) {
        options.log?.(`${request.method} ${url.pathname} ${response.statusCode} ${Date.now() - started}ms`);
      }
    });
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      handleApi(options, request, response, url).catch((error: unknown) => {
        if (toErrorResponse(error).statusCode >= 500) console.error(error);
        if (!response.headersSent) sendError(response, error);
      });
      return;
    }
    if (url.pathname === '/config.json') {
      sendJson(response, 200, { auth: { mode: 'local' } });
      return;
    }
    serveStatic(options.webDir, url.pathname, response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://${options.host ?? '127.0.0.1'}:${port}` });
    });
  });
}
