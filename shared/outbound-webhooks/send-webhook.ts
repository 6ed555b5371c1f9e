import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
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

/** Every address a host name resolves to: the system resolver in the functions, a fake in tests. */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true });

export const webhookTimeoutMs = 5_000;
export const webhookUserAgent = 'Seed-CRM-Webhooks/1.0';

/**
 * A `lookup` for the socket that answers with the addresses already resolved and checked, and never asks
 * DNS again: what was checked is what is connected to, so a name re-pointed in between (DNS rebinding)
 * changes nothing. TLS still verifies the certificate against the URL's host name (SNI and Host header).
 */
export function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const usable = addresses.filter((address) => !options.family || address.family === options.family);
    const first = usable[0];
    if (!first) {
      callback(
        Object.assign(new Error(`${hostname} has no address of that family`), { code: 'ENOTFOUND' }),
        '',
        0,
      );
      return;
    }
    if (options.all) (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, usable);
    else callback(null, first.address, first.family);
  };
}

/** Rejects with the signal's reason once it aborts (the resolver itself cannot be cancelled). */
function beforeAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** A short reason for the delivery log: the system error code where there is one, never a stack. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${timeoutMs / 1000} s.`;
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : String(error);
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 300);
}

/** The addresses a delivery may connect to, resolved once and every one checked; or why there are none. */
async function checkedAddresses(
  host: string,
  policy: WebhookUrlPolicy,
  resolve: HostResolver,
  signal: AbortSignal,
): Promise<LookupAddress[] | string> {
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(literal);
  // an IP literal was judged with the URL
  if (family) return [{ address: literal, family }];
  const addresses = await beforeAbort(resolve(host), signal);
  if (addresses.length === 0) return `Not sent: ${host} has no address.`;
  // the address itself stays out of the log: a tenant must not learn what our resolver sees inside
  if (addresses.some((address) => !isAllowedAddress(address.address, policy)))
    return `Not sent: ${host} resolves to an address that is not public (loopback, private, link-local or reserved).`;
  return addresses;
}

/**
 * POSTs with node:http(s) rather than fetch: fetch can neither pin the addresses it connects to nor be kept
 * from following redirects without our own resolver. Primary course:
 * 1. the URL passes the policy again (one stored before the policy tightened is not sent);
 * 2. a host name is resolved once and every address it has must be allowed;
 * 3. the socket connects only to those addresses (pinnedLookup); TLS verifies the URL's host name;
 * 4. the status line decides: a 3xx is a failed attempt, never followed; the body is discarded.
 * Refusals are failed attempts like any other and follow the retry schedule (DNS may be corrected).
 * The timeout covers resolving, connecting and waiting for the status line.
 */
export function httpWebhookSender(options: {
  policy: WebhookUrlPolicy;
  timeoutMs?: number;
  resolve?: HostResolver;
}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? webhookTimeoutMs;
  const resolve = options.resolve ?? systemResolver;
  return async (request) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const problem = webhookUrlProblem(request.url, options.policy);
    if (problem) return { ok: false, durationMs: 0, error: `Not sent: ${problem}` };
    const url = new URL(request.url);
    const signal = AbortSignal.timeout(timeoutMs);
    let addresses: LookupAddress[] | string;
    try {
      addresses = await checkedAddresses(url.hostname, options.policy, resolve, signal);
    } catch (error) {
      return { ok: false, durationMs: elapsed(), error: describeFailure(error, timeoutMs) };
    }
    if (typeof addresses === 'string') return { ok: false, durationMs: elapsed(), error: addresses };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<WebhookResponse>((resolveResponse) => {
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: {
            ...request.headers,
            'user-agent': webhookUserAgent,
            'content-length': String(Buffer.byteLength(request.body)),
          },
          lookup: pinnedLookup(addresses),
          signal,
          agent: false,
        },
        (response) => {
          const statusCode = response.statusCode ?? 0;
          // the body is not read; a late abort (timeout) may still end it with an error
          response.on('error', () => undefined);
          response.resume();
          resolveResponse({ ok: statusCode >= 200 && statusCode < 300, statusCode, durationMs: elapsed() });
        },
      );
      // also catches the abort after a response, when a receiver keeps streaming its body
      outgoing.on('error', (error) =>
        resolveResponse({ ok: false, durationMs: elapsed(), error: describeFailure(error, timeoutMs) }),
      );
      outgoing.end(request.body);
    });
  };
}
