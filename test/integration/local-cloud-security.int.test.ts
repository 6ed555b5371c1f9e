import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, inject, it } from 'vitest';

/**
 * The local cloud on a developer's machine: DynamoDB Local only on loopback and of no use to a web page,
 * the local sign-in only for a page of the local server itself, and a refused huge body that leaves no
 * keep-alive connection half-read.
 */
const apiUrl = () => new URL(inject('apiUrl'));
const dynamoUrl = () => new URL(inject('dynamoDbEndpoint'));
const tokenBody = JSON.stringify({ workspaceId: 'local-sec', email: 'ann@example.com', roles: ['admin'] });

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One request on its own connection, with exactly the headers given (Host included). */
function call(
  url: URL,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const signIn = (headers: Record<string, string>) =>
  call(apiUrl(), { method: 'POST', path: '/api/local/token', headers, body: tokenBody });

describe('the local sign-in (POST /api/local/token)', () => {
  const port = () => apiUrl().port;

  it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST'])(
    'issues a token on host %s with the server port',
    async (name) => {
      const reply = await signIn({
        host: `${name}:${port()}`,
        'content-type': 'application/json; charset=utf-8',
      });
      expect(reply.status, reply.text).toBe(200);
      expect(JSON.parse(reply.text)).toHaveProperty('token');
    },
  );

  it.each([
    ['another name (DNS rebinding)', () => `evil.example:${port()}`],
    ['a loopback name without the port', () => '127.0.0.1'],
    ['a loopback name with another port', () => `localhost:${Number(port()) + 1}`],
    ['an address of 127/8 other than 127.0.0.1', () => `127.0.0.2:${port()}`],
    ['a name ending in localhost', () => `evil.localhost.example:${port()}`],
  ])('refuses %s with 403', async (_what, host) => {
    const reply = await signIn({ host: host(), 'content-type': 'application/json' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.text).error.code).toBe('auth.local_host_required');
  });

  it.each([
    ['text/plain (a cross-site form or fetch without preflight)', { 'content-type': 'text/plain' }],
    ['no content type', {}],
    ['urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('refuses %s with 415', async (_what, headers: Record<string, string>) => {
    const reply = await signIn({ host: `127.0.0.1:${port()}`, ...headers });
    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.text).error.code).toBe('request.unsupported_media_type');
  });
});

/** Reads HTTP/1.1 responses off a raw socket: each resolves with its head once its body has arrived. */
function responsesOf(socket: Socket) {
  let buffered = '';
  let ended: string | undefined;
  const waiting: Array<{ resolve: (head: string) => void; reject: (error: Error) => void }> = [];
  const take = () => {
    const end = buffered.indexOf('\r\n\r\n');
    if (end < 0 || waiting.length === 0) return;
    const head = buffered.slice(0, end);
    let bodyEnd = end + 4 + Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (/transfer-encoding:\s*chunked/i.test(head)) {
      // small replies: the body ends at the first zero-size chunk
      const last = `\r\n${buffered.slice(end + 2)}`.indexOf('\r\n0\r\n\r\n');
      if (last < 0) return;
      bodyEnd = end + 2 + last + 5;
    }
    if (buffered.length < bodyEnd) return;
    buffered = buffered.slice(bodyEnd);
    waiting.shift()?.resolve(head);
    take();
  };
  const end = (why: string) => {
    ended ??= why;
    for (const wait of waiting.splice(0)) wait.reject(new Error(`no response: the connection ${ended}`));
  };
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    take();
  });
  socket.on('error', (error) => end(`failed (${error.message})`));
  socket.on('close', () => end('closed'));
  return {
    next: () =>
      new Promise<string>((resolve, reject) => {
        waiting.push({ resolve, reject });
        take();
        if (ended) end(ended);
      }),
  };
}

describe('a body over the 10 MB payload limit', () => {
  // well over the limit, so that much of it is still to come when the server refuses it
  const overLimit = 16 * 1024 * 1024;

  it.each([
    ['announced by content-length', { 'content-length': String(overLimit) }],
    ['sent chunked', { 'transfer-encoding': 'chunked' }],
  ])('%s answers 413, and the next request on the same connection is answered', async (_what, framing) => {
    const url = apiUrl();
    const socket = connect(Number(url.port), url.hostname);
    const responses = responsesOf(socket);
    const head = Object.entries({
      host: url.host,
      'content-type': 'application/json',
      connection: 'keep-alive',
      ...framing,
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`POST /api/contacts HTTP/1.1\r\n${head}\r\n`);
    const chunked = 'transfer-encoding' in framing;
    // exactly overLimit bytes of body, in 1 MB pieces (chunks when chunked)
    for (let sent = 0; sent < overLimit; ) {
      const size = Math.min(1024 * 1024, overLimit - sent);
      const piece = Buffer.alloc(size, 'x');
      const framed = chunked
        ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
        : piece;
      sent += size;
      if (!socket.write(framed)) await new Promise((resolve) => socket.once('drain', resolve));
    }
    if (chunked) socket.write('0\r\n\r\n');
    socket.write(`GET /api/health HTTP/1.1\r\nhost: ${url.host}\r\n\r\n`);
    expect(await responses.next()).toMatch(/^HTTP\/1\.1 413 /);
    expect(await responses.next()).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  });

  it('leaves a keep-alive client able to send its next request', async () => {
    const url = apiUrl();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const send = (method: string, path: string, body?: Buffer) =>
        new Promise<number>((resolve, reject) => {
          const outgoing = httpRequest(
            {
              host: url.hostname,
              port: url.port,
              method,
              path,
              agent,
              headers: body ? { 'content-type': 'application/json' } : {},
            },
            (response) => {
              response.resume();
              response.on('end', () => resolve(response.statusCode ?? 0));
            },
          );
          outgoing.on('error', reject);
          outgoing.end(body);
        });
      expect(await send('POST', '/api/contacts', Buffer.alloc(overLimit, ' '))).toBe(413);
      expect(await send('GET', '/api/health')).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});

/** This machine's first address that is not loopback (IPv4 first), if it has one. */
function nonLoopbackAddress(): string | undefined {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal);
  return (addresses.find((entry) => entry?.family === 'IPv4') ?? addresses[0])?.address;
}

const lanAddress = nonLoopbackAddress();

describe('DynamoDB Local', () => {
  const port = () => Number(dynamoUrl().port);
  const listTables = (headers: Record<string, string>) =>
    call(dynamoUrl(), {
      method: 'POST',
      path: '/',
      headers: {
        host: dynamoUrl().host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        ...headers,
      },
      body: '{}',
    });

  it.skipIf(!lanAddress)(
    `is not reachable on this machine's network address (${lanAddress ?? 'none: skipped, the machine has no non-loopback address'})`,
    async () => {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect(port(), lanAddress as string);
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
      expect(outcome).toBe('ECONNREFUSED');
    },
  );

  it('answers on 127.0.0.1', async () => {
    expect((await listTables({})).status).toBe(200);
  });

  it('refuses a request whose Host is not a loopback name (DNS rebinding) with 421', async () => {
    expect((await listTables({ host: `evil.example:${port()}` })).status).toBe(421);
  });

  it.each(['https://evil.example', 'null', 'http://127.0.0.1:3000', 'http://localhost'])(
    'grants no CORS to origin %s',
    async (origin) => {
      const preflight = await call(dynamoUrl(), {
        method: 'OPTIONS',
        path: '/',
        headers: {
          host: dynamoUrl().host,
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-amz-target,authorization',
        },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const reply = await listTables({ origin });
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    },
  );
});
