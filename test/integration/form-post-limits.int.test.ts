import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import type { Form } from '../../shared/forms/form';
import { newWorkspaceId } from '../support/api-client';
import { localCloudClient } from '../support/local-cloud-client';

/**
 * A form's public address against a mail cannon (issue 14, item 3), in the local cloud with the same
 * handlers as in AWS: a client and a form take a limited number of posts a minute (429 with Retry-After,
 * and a refused post writes nothing), and an address is sent one double opt-in email per form in 24 hours
 * while it has not confirmed. Clients are told apart by their address, so each client here posts from an
 * address of its own on the loopback network (127.0.0.0/8).
 */
const limits = { perClient: 3, perForm: 5 };

let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
let api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>;
let archiveDir: string;
const workspaceId = newWorkspaceId('limits');
let nextClient = 10;

beforeAll(async () => {
  process.env.FORM_POSTS_PER_CLIENT_PER_MINUTE = String(limits.perClient);
  process.env.FORM_POSTS_PER_FORM_PER_MINUTE = String(limits.perForm);
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-limits-test' });
  archiveDir = process.env.ARCHIVE_DIR as string;
  client = localCloudClient(cloud);
  api = await client.apiAs(workspaceId);
});
afterAll(async () => {
  await cloud?.stop();
});

interface Posted {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A post from one loopback address (a client of its own to the rate limits). */
function postFrom(
  address: string,
  path: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Posted> {
  const url = new URL(path, cloud.url);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: address,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

const newClient = () => `127.0.0.${nextClient++}`;

async function createForm(body: Record<string, unknown>): Promise<Form> {
  const reply = await api<Form>('POST', '/api/settings/forms', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

const signup = (email: string, extra: Record<string, string> = {}) => JSON.stringify({ email, ...extra });

/** Everything a post could have written: the workspace's items and the archive's files. */
async function footprint() {
  const files = existsSync(archiveDir) ? readdirSync(archiveDir, { recursive: true }).map(String).sort() : [];
  return { items: await client.itemsOf(workspaceId), files };
}

/** The counters work in fixed minutes: start a burst early in one, so that it does not straddle two. */
async function startOfAMinute(): Promise<void> {
  const left = 60 - (Math.floor(Date.now() / 1000) % 60);
  if (left < 20) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
}

async function mailsTo(address: string): Promise<{ body: { text?: string } }[]> {
  const reply = await fetch(`${cloud.sesEndpoint}/store`);
  const { emails } = (await reply.json()) as {
    emails: { destination: { to: string[] }; body: { text?: string } }[];
  };
  return emails.filter((mail) => mail.destination.to.includes(address));
}

describe('rate limits of a form post', () => {
  it('answers a client over its limit 429 with Retry-After and the JSON error, and writes nothing', async () => {
    const form = await createForm({ name: 'Per client', fields: [{ name: 'email', target: 'email' }] });
    const address = newClient();
    await startOfAMinute();
    for (let post = 0; post < limits.perClient; post++) {
      const reply = await postFrom(address, form.submitPath, signup(`client.${post}@example.com`));
      expect(reply.status, reply.text).toBe(202);
    }
    await client.drained();
    const before = await footprint();
    const refused = await postFrom(address, form.submitPath, signup('client.over@example.com'));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(JSON.parse(refused.text)).toEqual({
      error: { code: 'form.too_many_posts', message: expect.stringContaining('too many posts') },
    });
    await client.drained();
    expect(await footprint()).toEqual(before);

    // a browser gets the same refusal as a page
    const page = await postFrom(address, form.submitPath, 'email=client.page%40example.com', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(page.status).toBe(429);
    expect(page.headers['retry-after']).toMatch(/^\d+$/);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('too many posts');

    // another client of the same form is not held back by this one
    const other = await postFrom(newClient(), form.submitPath, signup('client.other@example.com'));
    expect(other.status).toBe(202);
  });

  it('answers a form over its limit 429, whoever posts, and counts nothing of the refused post', async () => {
    const form = await createForm({ name: 'Per form', fields: [{ name: 'email', target: 'email' }] });
    await startOfAMinute();
    for (let post = 0; post < limits.perForm; post++) {
      const reply = await postFrom(newClient(), form.submitPath, signup(`form.${post}@example.com`));
      expect(reply.status, reply.text).toBe(202);
    }
    await client.drained();
    const before = await footprint();
    const refused = await postFrom(newClient(), form.submitPath, signup('form.over@example.com'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((JSON.parse(refused.text) as { error: { code: string } }).error.code).toBe('form.too_many_posts');
    await client.drained();
    // the client's count taken before the form's refused it was given back: nothing changed
    expect(await footprint()).toEqual(before);
    expect(
      (await api<{ items: unknown[] }>('GET', '/api/contacts?email=form.over%40example.com')).body.items,
    ).toEqual([]);
  });

  it('does not count posts that are refused anyway (bad input)', async () => {
    const form = await createForm({ name: 'Bad input', fields: [{ name: 'email', target: 'email' }] });
    const address = newClient();
    await startOfAMinute();
    for (let post = 0; post < limits.perClient + 2; post++) {
      const reply = await postFrom(address, form.submitPath, signup('not an email'));
      expect(reply.status).toBe(400);
    }
    expect((await postFrom(address, form.submitPath, signup('good@example.com'))).status).toBe(202);
  });
});

describe('double opt-in emails', () => {
  it('sends one email per address and form in 24 hours, and tells a repeat poster to check the inbox', async () => {
    const form = await createForm({
      name: 'Letter',
      fields: [{ name: 'email', target: 'email' }],
      consent: { text: 'Send me the letter.', doubleOptIn: true },
    });
    const email = 'cannon.target@example.com';
    const first = await postFrom(newClient(), form.submitPath, signup(email, { consent: 'on' }));
    expect(first.status, first.text).toBe(202);
    expect(JSON.parse(first.text)).toMatchObject({ status: 'accepted' });

    const repeats: Posted[] = [];
    // the form takes 5 posts a minute: 1 + 2 repeats + a page + the post after confirming
    for (let post = 0; post < 2; post++)
      repeats.push(
        await postFrom(newClient(), form.submitPath, signup(` ${email.toUpperCase()}`, { consent: 'on' })),
      );
    for (const repeat of repeats) {
      expect(repeat.status, repeat.text).toBe(200);
      expect(JSON.parse(repeat.text)).toEqual({
        status: 'confirmation_pending',
        message: expect.stringContaining('check your inbox'),
      });
    }
    const page = await postFrom(
      newClient(),
      form.submitPath,
      `email=${encodeURIComponent(email)}&consent=on`,
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('Check your inbox');
    await client.drained();

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    // a repeat is not queued: one submission on the contact's timeline
    const contact = (
      await api<{ items: { id: string }[] }>('GET', `/api/contacts?email=${encodeURIComponent(email)}`)
    ).body.items[0];
    const activities = await api<{ items: unknown[] }>('GET', `/api/contacts/${contact?.id}/activities`);
    expect(activities.body.items).toHaveLength(1);

    // confirming ends the wait: the next post is a new consent with its own email
    const link = /(http:\/\/\S+\/confirm\?token=\S+)/.exec(mails[0]?.body.text ?? '')?.[1];
    expect(link).toBeDefined();
    expect((await fetch(link as string)).status).toBe(200);
    const again = await postFrom(newClient(), form.submitPath, signup(email, { consent: 'on' }));
    expect(again.status, again.text).toBe(202);
    await client.drained();
    expect(await mailsTo(email)).toHaveLength(2);
  });

  it('lets two posts at the same moment send one email between them', async () => {
    const form = await createForm({
      name: 'Race',
      fields: [{ name: 'email', target: 'email' }],
      consent: { text: 'Send me the race letter.', doubleOptIn: true },
    });
    const email = 'race.target@example.com';
    const replies = await Promise.all(
      [0, 1, 2, 3].map(() => postFrom(newClient(), form.submitPath, signup(email, { consent: 'on' }))),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 200, 200, 202]);
    await client.drained();
    expect(await mailsTo(email)).toHaveLength(1);
  });
});
