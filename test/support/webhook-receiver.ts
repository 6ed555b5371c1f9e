import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a test receiver got, with its raw body (signatures are over the exact bytes). */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port><path>`: the local cloud admits loopback URLs (ALLOW_INSECURE_WEBHOOK_URLS). */
  url(path: string): string;
  received(path?: string): ReceivedWebhook[];
  /** The status this path answers from now on (204 until told). */
  answer(path: string, status: number): void;
  /** Waits until `path` has received `count` requests, polling up to `timeoutMs`; fails with what it saw. */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

const kept = 2000;

/** An HTTP receiver on a free loopback port that records every request and answers a chosen status. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const statuses = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (requests.length > kept) requests.splice(0, requests.length - kept);
      response.writeHead(statuses.get(path) ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // never what keeps a test worker alive
  server.unref();
  const { port } = server.address() as AddressInfo;
  const received = (path?: string) =>
    requests.filter((request) => path === undefined || request.path === path);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (path, status) => statuses.set(path, status),
    async waitFor(path, count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received(path).length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `${path}: ${received(path).length} of ${count} webhooks arrived in ${timeoutMs} ms`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received(path);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let shared: Promise<WebhookReceiver> | undefined;

/** One receiver per test worker, for fixtures: answers 204 to everything. */
export function sharedWebhookReceiver(): Promise<WebhookReceiver> {
  shared ??= startWebhookReceiver();
  return shared;
}
