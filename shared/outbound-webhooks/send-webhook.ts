import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isAllowedAddress, type WebhookUrlPolicy, webhookUrlProblem } from './webhook-url-policy';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What one attempt found out. `ok` is a 2xx; anything else (or no answer) is a failed attempt. */
export interface WebhookResponse {
  ok: boolean;
  statusCode?: number;
  durationMs: number;
  error?: string;
}

/** The sender port: real HTTP in the functions, a fake in unit tests. */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

export const webhookTimeoutMs = 5_000;
export const webhookUserAgent = 'Seed-CRM-Webhooks/1.0';

/**
 * Resolves a host name like the default lookup, but fails when any address it resolves to is not allowed:
 * the check happens on the addresses the socket will use, so a name that points (or is re-pointed, DNS
 * rebinding) at a private address is refused at connect time.
 */
export function guardedLookup(policy: WebhookUrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const refused = addresses.find((address) => !isAllowedAddress(address.address, policy));
      if (refused || addresses.length === 0) {
        const denied = Object.assign(new Error(`${hostname} resolves to an address that is not allowed`), {
          code: 'EADDRNOTALLOWED',
        });
        callback(denied, '', 0);
        return;
      }
      if (options.all) (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      else callback(null, (addresses[0] as LookupAddress).address, (addresses[0] as LookupAddress).family);
    });
  };
}

/** A short reason for the delivery log: the system error code where there is one, never a stack. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${timeoutMs / 1000} s.`;
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : String(error);
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 300);
}

/**
 * POSTs with node:http(s) rather than fetch: fetch cannot check the addresses a name resolves to, and it
 * follows redirects (a 3xx here is a failed attempt, never followed). The timeout covers connecting and
 * waiting for the status line; the response body is discarded.
 */
export function httpWebhookSender(options: { policy: WebhookUrlPolicy; timeoutMs?: number }): WebhookSender {
  const timeoutMs = options.timeoutMs ?? webhookTimeoutMs;
  return (request) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const problem = webhookUrlProblem(request.url, options.policy);
    if (problem) return Promise.resolve({ ok: false, durationMs: 0, error: `Not sent: ${problem}` });
    const url = new URL(request.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<WebhookResponse>((resolve) => {
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: {
            ...request.headers,
            'user-agent': webhookUserAgent,
            'content-length': String(Buffer.byteLength(request.body)),
          },
          lookup: guardedLookup(options.policy),
          signal: AbortSignal.timeout(timeoutMs),
          agent: false,
        },
        (response) => {
          const statusCode = response.statusCode ?? 0;
          // the body is not read; a late abort (timeout) may still end it with an error
          response.on('error', () => undefined);
          response.resume();
          resolve({ ok: statusCode >= 200 && statusCode < 300, statusCode, durationMs: elapsed() });
        },
      );
      // also catches the abort after a response, when a receiver keeps streaming its body
      outgoing.on('error', (error) =>
        resolve({ ok: false, durationMs: elapsed(), error: describeFailure(error, timeoutMs) }),
      );
      outgoing.end(request.body);
    });
  };
}
