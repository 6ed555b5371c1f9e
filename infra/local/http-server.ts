import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AppError,
  NotFoundError,
  PayloadTooLargeError,
  toErrorResponse,
  UnauthorizedError,
} from '../../shared/platform/errors';
import type { ApiResponse } from '../../shared/platform/http-handler';
import { LocalTokenRequest } from '../../shared/platform/local-token-request';
import { parseOrThrow } from '../../shared/platform/validation';
import { matchRoute, toApiGatewayEvent } from './api-gateway-event';
import { invokeFunction } from './function-runner';
import type { LocalAuth } from './local-auth';
import { securityHeaders, serveStatic } from './static-site';

/** API Gateway's payload limit; the handlers refuse anything over 256 KB themselves. */
const maxPayloadBytes = 10 * 1024 * 1024;

export interface LocalApiOptions {
  port: number;
  host?: string;
  auth: LocalAuth;
  webDir: string;
  log?: (line: string) => void;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxPayloadBytes) {
        request.pause();
        reject(new PayloadTooLargeError());
        return;
      }
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

async function handleApi(
  options: LocalApiOptions,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) {
  const method = request.method ?? 'GET';
  const body = await readBody(request);
  if (method === 'POST' && url.pathname === '/api/local/token') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8') || 'null');
    } catch {
      parsed = undefined;
    }
    const tokenRequest = parseOrThrow(LocalTokenRequest, parsed);
    sendJson(response, 200, await options.auth.issue(tokenRequest));
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
