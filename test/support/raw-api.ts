import { request as httpRequest } from 'node:http';
import { inject } from 'vitest';
import { errorMessages } from '../../shared/platform/error-catalogue';
import type { ErrorCode } from '../../shared/platform/errors';
import type { Role } from '../../shared/platform/roles';
import type { ApiReply } from './api-client';
import { tokenFor } from './api-client';

/** A reply kept as text, so a body that is not JSON is reported instead of crashing the test. */
export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown;
}

export interface RawRequest {
  method: string;
  path: string;
  query?: Array<[string, string]>;
  /** Sent as is; `application/json` unless `headers` says otherwise. */
  body?: string;
  headers?: Record<string, string>;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One request on a fresh connection (node:http, no keep-alive): a property test that blocks the event loop
 * while it generates values must not pick up a pooled socket the server has meanwhile closed.
 */
export function send(request: RawRequest, token?: string): Promise<RawReply> {
  const search = request.query?.length ? `?${new URLSearchParams(request.query).toString()}` : '';
  const url = new URL(`${inject('apiUrl')}${request.path}${search}`);
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(body === undefined
      ? {}
      : { 'content-type': 'application/json', 'content-length': String(body.length) }),
    ...request.headers,
  };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: request.method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const replyHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of Array.isArray(value) ? value : [value ?? '']) replyHeaders.append(name, one);
        }
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: replyHeaders, text, json: parseJson(text) });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Like apiAs, but raw: any body text, any headers, query pairs (repeats allowed). */
export async function rawApiAs(workspaceId: string, roles: Role[] = ['admin']) {
  const token = await tokenFor(workspaceId, roles);
  return (request: RawRequest) => send(request, token);
}

export type RawApi = Awaited<ReturnType<typeof rawApiAs>>;

/** Path segment encoding that also survives lone surrogates (sent as their UTF-8 replacement). */
export function encodePathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
}

/** What is wrong with an error reply, or undefined when it is `{error:{code,message,fields?,existingId?}}`. */
export function errorShapeProblem(status: number, headers: Headers, body: unknown): string | undefined {
  if (!(headers.get('content-type') ?? '').startsWith('application/json')) {
    return `content-type is ${headers.get('content-type')}, not JSON`;
  }
  if (typeof body !== 'object' || body === null || !('error' in body)) return 'body has no `error`';
  const extraTop = Object.keys(body).filter((key) => key !== 'error');
  if (extraTop.length) return `body has more than \`error\`: ${extraTop.join(', ')}`;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return '`error` is not an object';
  const { code, message, fields, existingId, ...rest } = error as Record<string, unknown>;
  if (Object.keys(rest).length) return `error has unexpected keys: ${Object.keys(rest).join(', ')}`;
  if (typeof code !== 'string' || !(code in errorMessages)) return `unknown error code ${String(code)}`;
  if (message !== errorMessages[code as ErrorCode]) return `message of ${code} is not its catalogue text`;
  if (
    fields !== undefined &&
    (typeof fields !== 'object' ||
      fields === null ||
      Object.values(fields).some((value) => typeof value !== 'string'))
  ) {
    return '`fields` is not a map of messages';
  }
  if (existingId !== undefined && typeof existingId !== 'string') return '`existingId` is not a string';
  if (status >= 500 && code !== 'server.internal') return `status ${status} with code ${code}`;
  return undefined;
}

/** Asserts an API error reply: status, code, error shape, and the named fields when given. */
export function errorOf(reply: ApiReply): {
  code: string;
  message: string;
  fields?: Record<string, string>;
  existingId?: string;
} {
  const problem = errorShapeProblem(reply.status, reply.headers, reply.body);
  if (problem)
    throw new Error(`${reply.status} reply is not an API error (${problem}): ${JSON.stringify(reply.body)}`);
  return (reply.body as { error: { code: string; message: string } }).error;
}
