import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import { eventBusFromEnv } from '../../shared/events/event-publisher';
import type { ContactCheckoutsPage, ContactOrdersPage } from '../../shared/orders/order';
import { CartAbandoned, OrderPlaced } from '../../shared/orders/order-events';
import type { ShopConnection } from '../../shared/shops/shop-connection';
import { DeleteCommand, PutCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import type { InboxDelivery } from '../../shared/webhooks/inbox-delivery';
import { WebhookReceived } from '../../shared/webhooks/webhook-events';
import { newWorkspaceId } from '../support/api-client';
import { localCloudClient } from '../support/local-cloud-client';
import {
  fixture,
  seedHeaders,
  shopifyHeaders,
  shopifyOrderBody,
  shopifyTestSecret,
  wooHeaders,
  wooTestSecret,
} from '../support/shop-webhooks';

/**
 * Shop webhooks end to end in a local cloud of their own (to look at its bus and dead letters):
 * HTTP intake -> archive -> inbox + outbox -> stream -> EventBridge -> processor -> contact, order, stats.
 */
let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
let archiveDir: string;
const workspaceId = newWorkspaceId('shops');
let api: Awaited<ReturnType<ReturnType<typeof localCloudClient>['apiAs']>>;
const connections: Record<'shopify' | 'woocommerce' | 'shop', ShopConnection> = {} as never;

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-shops-test' });
  archiveDir = process.env.ARCHIVE_DIR as string;
  client = localCloudClient(cloud);
  api = await client.apiAs(workspaceId);
  const inputs = {
    shopify: { provider: 'shopify', name: 'Demo Shopify', secret: shopifyTestSecret },
    woocommerce: { provider: 'woocommerce', name: 'Demo Woo', secret: wooTestSecret },
    shop: { provider: 'shop', name: 'Own shop' },
  } as const;
  for (const [provider, input] of Object.entries(inputs)) {
    const created = await api<ShopConnection>('POST', '/api/settings/shop-connections', input);
    expect(created.status).toBe(201);
    connections[provider as keyof typeof inputs] = created.body;
  }
});
afterAll(async () => {
  await cloud?.stop();
});

const webhookPath = (provider: keyof typeof connections) => connections[provider].webhookPath;
const archivedFiles = (ws: string, source: string) => {
  const dir = join(archiveDir, 'webhooks', ws, source);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'));
};
async function contactByEmail(email: string) {
  const page = await api<{ items: { id: string; firstName?: string; lastName?: string }[] }>(
    'GET',
    `/api/contacts?email=${encodeURIComponent(email)}`,
  );
  return page.body.items[0];
}
async function ordersOf(contactId: string) {
  const reply = await api<ContactOrdersPage>('GET', `/api/contacts/${contactId}/orders`);
  expect(reply.status).toBe(200);
  return reply.body;
}
const published = (type: string) =>
  cloud.eventBus.published().filter((entry) => entry.event['detail-type'] === type);

describe('Shopify', () => {
  const body = fixture('shopify/orders-create.body');
  const headers = shopifyHeaders(
    body,
    'orders/create',
    shopifyTestSecret,
    'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
  );
  let inboxId: string;

  it('accepts orders/create with 202, then files the order under the contact with its purchase stats', async () => {
    expect(headers['x-shopify-hmac-sha256']).toBe('R8gv/GIK6Lh8rv8lmuiWaRTGjvSNVSdzFGX+Ns8TM90=');
    const reply = await client.post<{ status: string; inboxId: string }>(
      webhookPath('shopify'),
      body,
      headers,
    );
    expect(reply.status).toBe(202);
    expect(reply.body.status).toBe('accepted');
    inboxId = reply.body.inboxId;
    await client.drained();

    const received = published('webhook.received').map((entry) =>
      WebhookReceived.detail.parse(entry.event.detail),
    );
    expect(received).toContainEqual(
      expect.objectContaining({ workspaceId, inboxId, source: 'shopify', topic: 'orders/create' }),
    );
    const contact = await contactByEmail('lena.schmidt@example.com');
    expect(contact).toMatchObject({ firstName: 'Lena', lastName: 'Schmidt' });
    const orders = await ordersOf(contact?.id as string);
    expect(orders.purchases).toEqual({
      count: 1,
      currency: 'EUR',
      total: '89.70',
      firstOrderAt: '2025-05-14T08:22:30.000Z',
      lastOrderAt: '2025-05-14T08:22:30.000Z',
      lastOrderId: orders.items[0]?.id,
    });
    expect(orders.items).toHaveLength(1);
    expect(orders.items[0]).toMatchObject({
      externalId: '5938475629384',
      number: '#1042',
      connectionId: connections.shopify.id,
      source: 'shopify',
      contactId: contact?.id,
      currency: 'EUR',
      total: '89.70',
      lineItems: [
        { sku: 'KAF-ESP-500-B', quantity: 2, unitPrice: '24.90', total: '49.80' },
        { sku: 'TAS-MORGENROT', quantity: 1, unitPrice: '35.00', total: '35.00' },
      ],
    });
    const placed = published('order.placed').map((entry) => OrderPlaced.detail.parse(entry.event.detail));
    expect(placed).toEqual([expect.objectContaining({ workspaceId, contactId: contact?.id })]);

    const inbox = await api<{ items: InboxDelivery[] }>('GET', '/api/webhooks/inbox?status=processed');
    expect(inbox.body.items).toEqual([
      expect.objectContaining({ inboxId, status: 'processed', attempts: 1, source: 'shopify' }),
    ]);
    expect(archivedFiles(workspaceId, 'shopify')).toHaveLength(1);
  });

  it('answers a redelivery 200 and changes nothing but the archive, whose new copy the first delivery notes', async () => {
    const isInbox = (item: Record<string, unknown>) => item.sk === 'WEBHOOK' && item.inboxId === inboxId;
    const before = await client.itemsOf(workspaceId);
    const reply = await client.post<{ status: string; inboxId: string }>(
      webhookPath('shopify'),
      body,
      headers,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'duplicate', inboxId });
    await client.drained();
    const after = await client.itemsOf(workspaceId);
    expect(after.filter((item) => !isInbox(item))).toEqual(before.filter((item) => !isInbox(item)));
    const files = archivedFiles(workspaceId, 'shopify');
    expect(files).toHaveLength(2);
    // the redelivery's copy is noted on the delivery it repeats, so erasing the customer removes it too
    const first = before.find(isInbox) as Record<string, unknown>;
    const copy = files
      .map((name) => `webhooks/${workspaceId}/shopify/${name.split(sep).join('/')}`)
      .filter((key) => key !== first.archiveKey);
    expect(after.find(isInbox)).toEqual({ ...first, duplicateArchiveKeys: new Set(copy) });
  });

  it('processes a webhook.received delivered twice (at least once) without changing anything again', async () => {
    const received = cloud.eventBus
      .published()
      .find(
        (entry) =>
          entry.event['detail-type'] === 'webhook.received' &&
          (entry.event.detail as { inboxId?: string }).inboxId === inboxId,
      );
    expect(received).toBeDefined();
    const notInbox = (items: Record<string, unknown>[]) => items.filter((item) => item.sk !== 'WEBHOOK');
    const before = notInbox(await client.itemsOf(workspaceId));
    const bus = eventBusFromEnv({ ...process.env, EVENTBRIDGE_ENDPOINT: cloud.eventBridgeEndpoint });
    await bus.client.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: received?.event.source,
            DetailType: received?.event['detail-type'],
            Detail: JSON.stringify(received?.event.detail),
            EventBusName: bus.busName,
          },
        ],
      }),
    );
    await client.drained();
    expect(notInbox(await client.itemsOf(workspaceId))).toEqual(before);
    const inbox = await api<{ items: InboxDelivery[] }>('GET', '/api/webhooks/inbox');
    // the event frame remembers the event id as handled: the second copy does not even reach the processor
    expect(inbox.body.items.find((item) => item.inboxId === inboxId)).toMatchObject({
      status: 'processed',
      attempts: 1,
    });
  });

  it('leaves a processed delivery as it is when an admin replays it', async () => {
    const before = await client.itemsOf(workspaceId);
    const reply = await api<InboxDelivery>('POST', `/api/webhooks/inbox/${inboxId}/replay`, {});
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ inboxId, status: 'processed', replays: 0 });
    await client.drained();
    expect(await client.itemsOf(workspaceId)).toEqual(before);
  });

  it('adds a second order of the same customer to the stats, in any order of arrival', async () => {
    const older = shopifyOrderBody({
      id: 5938475629000,
      email: 'lena.schmidt@example.com',
      total: '10.30',
      createdAt: '2025-04-01T12:00:00+02:00',
    });
    const reply = await client.post(
      webhookPath('shopify'),
      older,
      shopifyHeaders(older, 'orders/create', shopifyTestSecret, 'second-delivery'),
    );
    expect(reply.status).toBe(202);
    await client.drained();
    const contact = await contactByEmail('lena.schmidt@example.com');
    const orders = await ordersOf(contact?.id as string);
    expect(orders.purchases).toMatchObject({
      count: 2,
      total: '100.00',
      firstOrderAt: '2025-04-01T10:00:00.000Z',
      lastOrderAt: '2025-05-14T08:22:30.000Z',
    });
    expect(orders.items.map((order) => order.externalId)).toEqual(['5938475629384', '5938475629000']);
  });

  it('refuses a bad signature with 401, and writes nothing to the table or the archive', async () => {
    const before = await client.itemsOf(workspaceId);
    const archived = archivedFiles(workspaceId, 'shopify').length;
    const forged = shopifyOrderBody({ id: 1, email: 'mallory@example.com' });
    const reply = await client.post<{ error: { code: string } }>(webhookPath('shopify'), forged, {
      ...shopifyHeaders(forged, 'orders/create', 'not-the-secret-at-all', 'forged-1'),
    });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('webhook.bad_signature');
    await client.drained();
    expect(await client.itemsOf(workspaceId)).toEqual(before);
    expect(archivedFiles(workspaceId, 'shopify')).toHaveLength(archived);
  });

  it('refuses a malformed body with 400 (not archived), and an unknown or malformed connection with 404 (kept apart)', async () => {
    const before = await client.itemsOf(workspaceId);
    const archived = archivedFiles(workspaceId, 'shopify').length;
    const bad = Buffer.from('{"id": 5938475629384, "line_items": "no"}');
    const malformed = await client.post<{ error: { code: string } }>(
      webhookPath('shopify'),
      bad,
      shopifyHeaders(bad, 'orders/create', shopifyTestSecret, 'malformed-1'),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('webhook.malformed');

    const unknown = await client.post<{ error: { code: string } }>(
      `/api/webhooks/shopify/${workspaceId}.01J9ZK3T5Q8W6N4M2P0R7S9V1X`,
      body,
      headers,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('webhook.unknown_connection');
    const wrongPlatform = await client.post(
      `/api/webhooks/shopify/${connections.woocommerce.id}`,
      body,
      headers,
    );
    expect(wrongPlatform.status).toBe(404);
    const garbage = await client.post(
      `/api/webhooks/shopify/${encodeURIComponent('../../etc')}`,
      body,
      headers,
    );
    expect(garbage.status).toBe(404);

    await client.drained();
    expect(await client.itemsOf(workspaceId)).toEqual(before);
    expect(archivedFiles(workspaceId, 'shopify')).toHaveLength(archived);
    const unmatched = join(archiveDir, 'webhooks-unmatched', 'shopify');
    expect(
      readdirSync(unmatched, { recursive: true }).filter((name) => String(name).endsWith('.json')),
    ).toHaveLength(3);
  });
});

describe('WooCommerce', () => {
  const body = fixture('woocommerce/order-created.body');

  it('answers the ping sent when a webhook is saved with 200', async () => {
    const reply = await client.post(webhookPath('woocommerce'), fixture('woocommerce/ping.body'), {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'WooCommerce/9.8.5 Hookshot (WordPress/6.8.1)',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ignored' });
  });

  it('accepts order.created and files the order; a retry with a new delivery id is a duplicate', async () => {
    const headers = wooHeaders(body, 'order.created', wooTestSecret);
    expect(headers['x-wc-webhook-signature']).toBe('VYN24lQNisLHw1hsUblRPx9khmTSfn+m5+ceJmYx17w=');
    const reply = await client.post<{ inboxId: string }>(webhookPath('woocommerce'), body, headers);
    expect(reply.status).toBe(202);
    await client.drained();
    const contact = await contactByEmail('juergen.mueller@example.com');
    expect(contact).toMatchObject({ firstName: 'Jürgen', lastName: 'Müller' });
    const orders = await ordersOf(contact?.id as string);
    expect(orders.purchases).toMatchObject({ count: 1, currency: 'EUR', total: '79.60' });
    expect(orders.items[0]).toMatchObject({ externalId: '4711', source: 'woocommerce', total: '79.60' });

    const retry = await client.post<{ status: string; inboxId: string }>(
      webhookPath('woocommerce'),
      body,
      wooHeaders(body, 'order.created', wooTestSecret, 'f'.repeat(32)),
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ status: 'duplicate', inboxId: reply.body.inboxId });
  });
});

describe('the generic signed format', () => {
  const order = (id: string, email: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      customer: { email, firstName: 'Gen', lastName: 'Eric' },
      order: {
        id,
        placedAt: '2025-05-14T10:00:00+02:00',
        currency: 'GBP',
        total: '12.5',
        lineItems: [{ name: 'Mug', quantity: 1, total: '12.5' }],
        ...extra,
      },
    });

  it('accepts a signed order.created and refuses a stale signature', async () => {
    const secret = connections.shop.secret as string;
    const body = order('G-1', 'gen.eric@example.com');
    const reply = await client.post(
      webhookPath('shop'),
      body,
      seedHeaders(body, 'order.created', secret, 'g-1'),
    );
    expect(reply.status).toBe(202);
    await client.drained();
    const contact = await contactByEmail('gen.eric@example.com');
    expect((await ordersOf(contact?.id as string)).purchases).toMatchObject({
      count: 1,
      currency: 'GBP',
      total: '12.50',
    });

    const stale = await client.post<{ error: { code: string } }>(
      webhookPath('shop'),
      body,
      seedHeaders(body, 'order.created', secret, 'g-2', new Date(Date.now() - 6 * 60 * 1000)),
    );
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('webhook.bad_signature');
  });

  it('refuses a captured delivery replayed within 5 minutes under a new delivery id or topic (401)', async () => {
    const secret = connections.shop.secret as string;
    const body = order('G-REPLAY', 'replayed@example.com');
    const captured = seedHeaders(body, 'order.created', secret, 'g-replay-1');
    expect((await client.post(webhookPath('shop'), body, captured)).status).toBe(202);
    await client.drained();
    const before = await client.itemsOf(workspaceId);

    for (const changed of [{ 'x-seed-delivery-id': 'g-replay-2' }, { 'x-seed-topic': 'customer.created' }]) {
      const replay = await client.post<{ error: { code: string } }>(webhookPath('shop'), body, {
        ...captured,
        ...changed,
      });
      expect(replay.status).toBe(401);
      expect(replay.body.error.code).toBe('webhook.bad_signature');
    }
    await client.drained();
    expect(await client.itemsOf(workspaceId)).toEqual(before);
  });

  it('retries a failing delivery, dead-letters it, and processes it when an admin replays it', async () => {
    // the contact exists, and its statistics item is unreadable: processing throws until it is repaired
    const created = await api<{ id: string }>('POST', '/api/contacts', { email: 'fragile@example.com' });
    const statsKey = keys.contactPurchases(workspaceId, created.body.id);
    await client.documents.send(
      new PutCommand({ TableName: cloud.tableName, Item: { ...statsKey, totals: null, version: 1 } }),
    );
    const secret = connections.shop.secret as string;
    const body = order('G-FAIL', 'fragile@example.com');
    const reply = await client.post<{ inboxId: string }>(
      webhookPath('shop'),
      body,
      seedHeaders(body, 'order.created', secret, 'g-fail'),
    );
    expect(reply.status).toBe(202);
    await client.drained();

    const dead = cloud.eventBus
      .deadLetters()
      .filter((letter) => letter.functionName === 'ProcessShopWebhook');
    expect(dead).toHaveLength(1);
    expect(dead[0]?.attempts).toBe(3);
    const failed = await api<{ items: InboxDelivery[] }>('GET', '/api/webhooks/inbox?status=failed');
    expect(failed.body.items).toEqual([
      expect.objectContaining({
        inboxId: reply.body.inboxId,
        status: 'failed',
        attempts: 3,
        lastError: expect.stringContaining('TypeError'),
      }),
    ]);
    const orderKey = keys.order(workspaceId, connections.shop.id.split('.')[1] as string, 'G-FAIL');
    expect((await client.itemsOf(workspaceId)).filter((item) => item.pk === orderKey.pk)).toEqual([]);

    await client.documents.send(new DeleteCommand({ TableName: cloud.tableName, Key: statsKey }));
    const replay = await api('POST', `/api/webhooks/inbox/${reply.body.inboxId}/replay`, {});
    expect(replay.status).toBe(202);
    await client.drained();
    const orders = await ordersOf(created.body.id);
    expect(orders.items.map((item) => item.externalId)).toEqual(['G-FAIL']);
    expect(orders.purchases).toMatchObject({ count: 1, total: '12.50' });
    const done = await api<{ items: InboxDelivery[] }>('GET', '/api/webhooks/inbox?status=failed');
    expect(done.body.items).toEqual([]);
  });

  it('raises cart.abandoned once for a checkout left open past its connection threshold', async () => {
    const secret = connections.shop.secret as string;
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
    const checkout = (id: string, updatedAt: string, email: string) =>
      JSON.stringify({
        customer: { email },
        checkout: {
          id,
          updatedAt,
          currency: 'EUR',
          total: '70.00',
          recoveryUrl: `https://shop.example.com/cart/${id}`,
          lineItems: [{ name: 'Tasse', quantity: 2, unitPrice: '35.00', total: '70.00' }],
        },
      });
    const send = async (body: string, topic: string, deliveryId: string) => {
      const reply = await client.post(
        webhookPath('shop'),
        body,
        seedHeaders(body, topic, secret, deliveryId),
      );
      expect(reply.status).toBe(202);
    };
    // threshold of this connection: the default 4 hours, then 1 hour (an admin's change)
    await send(checkout('cart-old', hoursAgo(5), 'cart.old@example.com'), 'checkout.updated', 'c-1');
    await send(checkout('cart-90min', hoursAgo(1.5), 'cart.recent@example.com'), 'checkout.updated', 'c-2');
    await send(checkout('cart-bought', hoursAgo(6), 'cart.bought@example.com'), 'checkout.updated', 'c-3');
    await send(
      order('G-CART', 'cart.bought@example.com', { checkoutId: 'cart-bought' }),
      'order.created',
      'c-4',
    );
    await client.drained();

    await cloud.eventBus.fireSchedule('RaiseAbandonedCartsSchedule');
    await client.drained();
    const first = published('cart.abandoned').map((entry) => CartAbandoned.detail.parse(entry.event.detail));
    expect(first.map((event) => event.checkout.token)).toEqual(['cart-old']);
    expect(first[0]).toMatchObject({
      workspaceId,
      checkout: {
        email: 'cart.old@example.com',
        total: '70.00',
        recoveryUrl: 'https://shop.example.com/cart/cart-old',
      },
    });
    expect(first[0]?.contactId).toBe((await contactByEmail('cart.old@example.com'))?.id);

    const current = await api<ShopConnection>('GET', `/api/settings/shop-connections/${connections.shop.id}`);
    const changed = await api(
      'PATCH',
      `/api/settings/shop-connections/${connections.shop.id}`,
      { abandonAfterHours: 1 },
      { 'if-match': `"${current.body.version}"` },
    );
    expect(changed.status).toBe(200);
    // the threshold applies from the checkout's next change on
    await send(checkout('cart-90min', hoursAgo(1.4), 'cart.recent@example.com'), 'checkout.updated', 'c-5');
    await client.drained();

    await cloud.eventBus.fireSchedule('RaiseAbandonedCartsSchedule');
    await cloud.eventBus.fireSchedule('RaiseAbandonedCartsSchedule');
    await client.drained();
    const all = published('cart.abandoned').map((entry) => CartAbandoned.detail.parse(entry.event.detail));
    expect(all.map((event) => event.checkout.token).sort()).toEqual(['cart-90min', 'cart-old']);
  });

  it("lists a contact's open and abandoned carts, newest first, without those that became orders", async () => {
    const secret = connections.shop.secret as string;
    const email = 'carts@example.com';
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const checkout = (id: string, updatedAt: string, recoveryUrl?: string) =>
      JSON.stringify({
        customer: { email, firstName: 'Cara', lastName: 'Kart' },
        checkout: {
          id,
          updatedAt,
          currency: 'EUR',
          total: '42.00',
          ...(recoveryUrl ? { recoveryUrl } : {}),
          lineItems: [{ name: 'Kanne', quantity: 1, unitPrice: '42.00', total: '42.00' }],
        },
      });
    const send = async (body: string, topic: string, deliveryId: string) => {
      const reply = await client.post(
        webhookPath('shop'),
        body,
        seedHeaders(body, topic, secret, deliveryId),
      );
      expect(reply.status).toBe(202);
    };
    await send(
      checkout('cart-left', minutesAgo(600), 'https://shop.example.com/r/left'),
      'checkout.updated',
      'k-1',
    );
    await send(checkout('cart-paid', minutesAgo(500)), 'checkout.updated', 'k-2');
    await send(order('G-PAID', email, { checkoutId: 'cart-paid' }), 'order.created', 'k-3');
    await client.drained();
    await cloud.eventBus.fireSchedule('RaiseAbandonedCartsSchedule');
    await send(checkout('cart-new', minutesAgo(2)), 'checkout.updated', 'k-4');
    await client.drained();

    const contactId = (await contactByEmail(email))?.id as string;
    const carts = await api<ContactCheckoutsPage>('GET', `/api/contacts/${contactId}/checkouts`);
    expect(carts.status).toBe(200);
    expect(carts.body.items.map((cart) => [cart.token, cart.status])).toEqual([
      ['cart-new', 'open'],
      ['cart-left', 'abandoned'],
    ]);
    expect(carts.body.items[1]).toMatchObject({
      total: '42.00',
      currency: 'EUR',
      recoveryUrl: 'https://shop.example.com/r/left',
      lineItems: [{ name: 'Kanne', quantity: 1, total: '42.00' }],
    });
    expect(carts.body.items[1]?.abandonedAt).toEqual(expect.any(String));

    // a page at a time, and the same contact seen from another workspace is not found
    const first = await api<ContactCheckoutsPage>('GET', `/api/contacts/${contactId}/checkouts?limit=1`);
    expect(first.body.items.map((cart) => cart.token)).toEqual(['cart-new']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const stranger = await client.apiAs(newWorkspaceId('shops-other'));
    expect((await stranger('GET', `/api/contacts/${contactId}/checkouts`)).status).toBe(404);
    expect((await api('GET', '/api/contacts/01HZX3K4M5N6P7Q8R9S0T1V2W3/checkouts')).status).toBe(404);
  });
});
