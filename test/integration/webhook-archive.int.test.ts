import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import type { Form } from '../../shared/forms/form';
import type { ShopConnection } from '../../shared/shops/shop-connection';
import { UnmatchedDelivery, unmatchedArchive } from '../../shared/webhooks/archived-delivery';
import type { InboxDelivery } from '../../shared/webhooks/inbox-delivery';
import { newWorkspaceId } from '../support/api-client';
import { localCloudClient } from '../support/local-cloud-client';
import { seedHeaders, shopifyHeaders, shopifyOrderBody } from '../support/shop-webhooks';

/**
 * Who can write to the webhook archive, through the real local API and its archive folder (a local cloud
 * of its own, so that no other test's posts share the folder): nothing over the body limit, nothing
 * refused for its signature, origin or body, deliveries to unknown targets only under their own prefix and
 * at most `slotsPerMinute` of them a minute; accepted deliveries under their workspace, before processing.
 */
let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
let archiveDir: string;
let api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>;
const workspaceId = newWorkspaceId('archive');
let connection: ShopConnection;
let form: Form;
const unknownUlid = '01J9ZK3T5Q8W6N4M2P0R7S9V1X';

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-archive-test' });
  archiveDir = process.env.ARCHIVE_DIR as string;
  client = localCloudClient(cloud);
  api = await client.apiAs(workspaceId);
  const created = await api<ShopConnection>('POST', '/api/settings/shop-connections', {
    provider: 'shop',
    name: 'Own shop',
  });
  expect(created.status).toBe(201);
  connection = created.body;
  const posted = await api<Form>('POST', '/api/settings/forms', {
    name: 'Contact us',
    fields: [{ name: 'email', target: 'email' }],
    allowedOrigins: ['https://shop.example.com'],
  });
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  form = posted.body;
});
afterAll(async () => {
  await cloud?.stop();
});

/** Every file of the archive folder, as archive keys. */
const archived = (): string[] =>
  existsSync(archiveDir)
    ? readdirSync(archiveDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) =>
          join(entry.parentPath, entry.name)
            .slice(archiveDir.length + 1)
            .split(sep)
            .join('/'),
        )
        .sort()
    : [];
const added = (before: string[]) => archived().filter((key) => !before.includes(key));

const order = (id: string) =>
  JSON.stringify({
    customer: { email: `${id.toLowerCase()}@example.com` },
    order: {
      id,
      placedAt: '2025-05-14T10:00:00+02:00',
      currency: 'EUR',
      total: '10.00',
      lineItems: [{ name: 'Mug', quantity: 1, total: '10.00' }],
    },
  });

describe('the webhook archive', () => {
  it('stores nothing of a body over the limit: 7 MB with a bad signature, 3 MB to an unknown workspace, 300 KB to a form', async () => {
    const before = archived();
    const sevenMb = Buffer.alloc(7 * 1024 * 1024, 0x20);
    const bad = await client.post<{ error: { code: string } }>(
      connection.webhookPath,
      sevenMb,
      seedHeaders(sevenMb, 'order.created', 'not-the-secret', 'big-1'),
    );
    expect(bad.status).toBe(413);
    expect(bad.body.error.code).toBe('webhook.too_large');

    const threeMb = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const unknown = await client.post(`/api/webhooks/shop/anyws.${unknownUlid}`, threeMb, {
      'content-type': 'application/json',
    });
    expect(unknown.status).toBe(413);

    const formPost = await client.post<{ error: { code: string } }>(
      `/api/webhooks/forms/${form.id}`,
      `email=a%40example.com&x=${'y'.repeat(300 * 1024)}`,
      { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    );
    expect(formPost.status).toBe(413);
    expect(formPost.body.error.code).toBe('request.too_large');

    expect(added(before)).toEqual([]);
    expect(existsSync(join(archiveDir, 'webhooks', 'anyws'))).toBe(false);
  });

  it('stores nothing of a delivery refused for its signature, body or origin', async () => {
    const before = archived();
    const body = order('FORGED-1');
    const forged = await client.post(
      connection.webhookPath,
      body,
      seedHeaders(body, 'order.created', 'not-the-secret', 'forged-1'),
    );
    expect(forged.status).toBe(401);
    const malformed = Buffer.from('{"order": {"id": 1}}');
    const signedMalformed = await client.post(
      connection.webhookPath,
      malformed,
      seedHeaders(malformed, 'order.created', connection.secret as string, 'malformed-1'),
    );
    expect(signedMalformed.status).toBe(400);
    const foreign = await client.post(`/api/webhooks/forms/${form.id}`, '{"email":"a@example.com"}', {
      'content-type': 'application/json',
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    const invalid = await client.post(`/api/webhooks/forms/${form.id}`, '{"email":"not an address"}', {
      'content-type': 'application/json',
    });
    expect(invalid.status).toBe(400);
    expect(added(before)).toEqual([]);
  });

  it('keeps a delivery to an unknown workspace, connection or form under webhooks-unmatched/ only', async () => {
    const before = archived();
    const body = order('LOST-1');
    const targets = [
      ['shop', `/api/webhooks/shop/anyws.${unknownUlid}`],
      ['shop', `/api/webhooks/shop/${workspaceId}.${unknownUlid}`],
      ['form', `/api/webhooks/forms/${workspaceId}.${unknownUlid}`],
    ] as const;
    for (const [, path] of targets) {
      const reply = await client.post(path, body, seedHeaders(body, 'order.created', 'unknown', 'lost-1'));
      expect(reply.status).toBe(404);
    }
    const keys = added(before);
    expect(keys).toHaveLength(targets.length);
    for (const key of keys) {
      expect(key).toMatch(/^webhooks-unmatched\/(shop|form)\/\d{4}-\d{2}-\d{2}\/\d{4}-\d\.json$/);
      const kept = UnmatchedDelivery.parse(JSON.parse(readFileSync(join(archiveDir, key), 'utf8')));
      expect(Buffer.from(kept.bodyBase64, 'base64').toString('utf8')).toBe(body);
    }
    expect(existsSync(join(archiveDir, 'webhooks', 'anyws'))).toBe(false);
  });

  it(`keeps at most ${unmatchedArchive.slotsPerMinute} deliveries to unknown targets per source and minute, however many come`, async () => {
    const before = archived();
    const body = shopifyOrderBody({ id: 1, email: 'flood@example.com' });
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        client.post(
          `/api/webhooks/shopify/flood${n}.${unknownUlid}`,
          body,
          shopifyHeaders(body, 'orders/create', 'x', `flood-${n}`),
        ),
      ),
    );
    expect(replies.every((reply) => reply.status === 404)).toBe(true);
    const perMinute = new Map<string, number>();
    for (const key of added(before)) {
      expect(key.startsWith('webhooks-unmatched/shopify/')).toBe(true);
      const minute = key.slice(0, key.lastIndexOf('-'));
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(unmatchedArchive.slotsPerMinute);
  });

  it('keeps an accepted delivery under its workspace before it is processed, where the inbox says', async () => {
    const before = archived();
    const body = order('KEPT-1');
    const reply = await client.post<{ inboxId: string }>(
      connection.webhookPath,
      body,
      seedHeaders(body, 'order.created', connection.secret as string, 'kept-1'),
    );
    expect(reply.status).toBe(202);
    const keys = added(before);
    expect(keys).toEqual([
      expect.stringMatching(new RegExp(`^webhooks/${workspaceId}/shop/.+/${reply.body.inboxId}\\.json$`)),
    ]);
    await client.drained();
    const inbox = await api<{ items: InboxDelivery[] }>('GET', '/api/webhooks/inbox');
    expect(inbox.body.items.find((item) => item.inboxId === reply.body.inboxId)).toMatchObject({
      archiveKey: keys[0],
      status: 'processed',
    });
  });
});
