import type { LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostResolver, httpWebhookSender } from '../../shared/outbound-webhooks/send-webhook';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/**
 * The real sender against receivers on 127.0.0.1, with a resolver that would change its answer after the
 * first question (DNS rebinding): the socket must go to the address that was checked, asked for once.
 */
const local = { allowLoopback: true };
const post = { headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };

/** `hooks.localhost` is 127.0.0.1 the first time, a private address every time after. */
function rebindingResolver() {
  const asked: string[] = [];
  const resolve: HostResolver = async (hostname) => {
    asked.push(hostname);
    const answer: LookupAddress[] =
      asked.length === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.8', family: 4 }];
    return answer;
  };
  return { resolve, asked };
}

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

describe('sending a webhook to a host name', () => {
  it('connects to the address it checked, once, and keeps the host name in the Host header', async () => {
    const { resolve, asked } = rebindingResolver();
    const port = new URL(receiver.url('/')).port;
    const send = httpWebhookSender({ policy: local, resolve });
    const result = await send({ url: `http://hooks.localhost:${port}/pinned`, ...post });
    expect(result).toMatchObject({ ok: true, statusCode: 204 });
    const [arrived] = receiver.received('/pinned');
    expect(arrived?.headers.host).toBe(`hooks.localhost:${port}`);
    expect(arrived?.body).toBe(post.body);
    expect(asked).toEqual(['hooks.localhost']);
  });

  it('refuses the same name once it resolves to a private address, and sends nothing', async () => {
    const { resolve } = rebindingResolver();
    await resolve('hooks.localhost');
    const port = new URL(receiver.url('/')).port;
    const result = await httpWebhookSender({ policy: local, resolve })({
      url: `http://hooks.localhost:${port}/rebound`,
      ...post,
    });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Not sent: hooks\.localhost /) });
    expect(receiver.received('/rebound')).toEqual([]);
  });
});

describe('https to the checked address', () => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'tls');
  const serverNames: string[] = [];
  let requests = 0;
  let port = 0;
  const server = createServer(
    {
      cert: readFileSync(join(fixtures, 'hooks.localhost.cert.pem')),
      key: readFileSync(join(fixtures, 'hooks.localhost.key.pem')),
      SNICallback: (name, done) => {
        serverNames.push(name);
        done(null, undefined);
      },
    },
    (_request, response) => {
      requests++;
      response.writeHead(204).end();
    },
  );
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );

  it('names the URL host to TLS and still verifies the certificate (a self-signed one fails)', async () => {
    const { resolve, asked } = rebindingResolver();
    const result = await httpWebhookSender({ policy: local, resolve })({
      url: `https://hooks.localhost:${port}/tls`,
      ...post,
    });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/self[- ]signed/i) });
    expect(serverNames).toEqual(['hooks.localhost']);
    expect(requests).toBe(0);
    expect(asked).toEqual(['hooks.localhost']);
  });
});
