import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Api } from './api-client';
import type { RecordKind, Seeded, SeededRecord } from './record-fixtures';
import { fixture, seedHeaders, shopifyHeaders, shopifyOrderBody, wooHeaders } from './shop-webhooks';

/**
 * Record kinds of shop connections, their public webhook addresses and the webhook inbox, for the
 * manifest-driven tests (workspace isolation, bad input). Deliveries to the public addresses must be signed:
 * `signedHeaders` signs a body with the seeded connection's secret, `validBodies` makes real-shaped payloads.
 */
const suffix = () => Math.random().toString(36).slice(2, 8);

interface CreatedConnection {
  id: string;
  version: number;
  secret: string;
  webhookPath: string;
}

async function createConnection(api: Api, values: Record<string, unknown>): Promise<CreatedConnection> {
  const reply = await api<CreatedConnection>('POST', '/api/settings/shop-connections', values);
  if (reply.status !== 201)
    throw new Error(`fixture shop connection not created: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

function connectionRecord(
  kind: SeededRecord['kind'],
  connection: CreatedConnection,
  values: Record<string, unknown>,
): SeededRecord {
  return {
    kind,
    params: { connectionId: connection.id },
    identity: connection.id,
    version: connection.version,
    finds: {},
    patch: { name: `Renamed shop ${suffix()}` },
    values: { ...values, secret: connection.secret, webhookPath: connection.webhookPath },
  };
}

/** Unusual but valid names: what a shop's customers type. */
const names = fc.constantFrom(
  'Zoë',
  'Jürgen',
  'محمد',
  '李小龙',
  '👩🏽‍💻',
  "O'Connor",
  '<b>x</b>',
  'x'.repeat(100),
);

export const shopConnectionKind: RecordKind = {
  name: 'shopConnection',
  collectionPath: '/api/settings/shop-connections',
  async create(api) {
    const values = { provider: 'shop', name: `Zoë’s shop ${suffix()}` };
    return connectionRecord('shopConnection', await createConnection(api, values), values);
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: (other) => [
    { what: 'the same shop', body: { provider: 'shop', name: String(other.values.name) }, status: 201 },
  ],
};

const shopifySecret = () => `shpss_${randomUUID().replace(/-/g, '')}`;

/** A Shopify connection at its public address; valid deliveries are signed orders/create. */
export const shopifyWebhookKind: RecordKind = {
  name: 'shopifyWebhook',
  collectionPath: '/api/webhooks/shopify',
  async create(api) {
    const values = { provider: 'shopify', name: `Shopify ${suffix()}`, secret: shopifySecret() };
    return connectionRecord('shopifyWebhook', await createConnection(api, values), values);
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
  validBodies: () =>
    fc
      .record({ id: fc.integer({ min: 1, max: 99_999_999_999_999 }), email: fc.uuid(), name: names })
      .map(({ id, email, name }) => {
        const order = JSON.parse(shopifyOrderBody({ id, email: `Shop.${email}@Example.com` }));
        return { ...order, customer: { ...order.customer, first_name: name } };
      }),
  signedHeaders: (record, body) =>
    shopifyHeaders(body, 'orders/create', String(record.values.secret), randomUUID()),
};

/** A WooCommerce connection at its public address; valid deliveries are signed order.created. */
export const wooCommerceWebhookKind: RecordKind = {
  name: 'wooCommerceWebhook',
  collectionPath: '/api/webhooks/woocommerce',
  async create(api) {
    const values = { provider: 'woocommerce', name: `Woo ${suffix()}` };
    return connectionRecord('wooCommerceWebhook', await createConnection(api, values), values);
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
  validBodies: () =>
    fc
      .record({ id: fc.integer({ min: 1, max: 2_000_000_000 }), email: fc.uuid(), name: names })
      .map(({ id, email, name }) => {
        const order = JSON.parse(fixture('woocommerce/order-created.body').toString('utf8'));
        return {
          ...order,
          id,
          billing: { ...order.billing, email: `woo.${email}@example.com`, first_name: name },
        };
      }),
  signedHeaders: (record, body) =>
    wooHeaders(body, 'order.created', String(record.values.secret), randomUUID()),
};

/** The generic format's topic follows the parts a body has. */
function genericTopicOf(body: string): string {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  if (parsed.order) return 'order.created';
  if (parsed.checkout) return 'checkout.updated';
  return 'customer.created';
}

/** The seeded generic connection at its public address; valid deliveries are signed generic payloads. */
export const shopWebhookKind: RecordKind = {
  name: 'shopWebhook',
  collectionPath: '/api/webhooks/shop',
  async create(_api, seeded) {
    if (!seeded.shopConnection) throw new Error('fixture shop webhook needs the shop connection first');
    return { ...seeded.shopConnection, kind: 'shopWebhook' };
  },
  identityOf: (item) => String(item.id),
  crossWorkspaceCreates: () => [],
  validBodies: () =>
    fc.oneof(
      fc.record({
        customer: fc.record({ email: fc.uuid().map((id) => `Gen.${id}@Example.com`), firstName: names }),
      }),
      fc.record({
        customer: fc.record({ email: fc.uuid().map((id) => `gen.${id}@example.com`) }),
        order: fc.record({
          id: fc.uuid(),
          placedAt: fc.constant('2025-05-14T10:22:31+02:00'),
          currency: fc.constantFrom('EUR', 'JPY', 'usd'),
          total: fc.constantFrom('0', '12.5', '999999.99'),
          lineItems: fc.array(fc.record({ name: names, quantity: fc.nat(100), total: fc.constant('1.00') }), {
            maxLength: 3,
          }),
        }),
      }),
    ),
  signedHeaders: (record, body) =>
    seedHeaders(body, genericTopicOf(body), String(record.values.secret), randomUUID()),
};

async function waitForDelivery(api: Api, inboxId: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const page = await api<{ items: { inboxId: string }[] }>('GET', '/api/webhooks/inbox?status=processed');
    if (page.body.items.some((item) => item.inboxId === inboxId)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fixture webhook delivery ${inboxId} was not processed within 10 s`);
}

/**
 * A delivery in the inbox: a signed generic customer.created to the seeded connection, waited for until
 * processed, so nothing changes in the workspace in the background afterwards.
 */
export const inboxDeliveryKind: RecordKind = {
  name: 'inboxDelivery',
  collectionPath: '/api/webhooks/inbox',
  async create(api, seeded: Seeded) {
    const connection = seeded.shopConnection;
    if (!connection) throw new Error('fixture inbox delivery needs the shop connection first');
    const body = JSON.stringify({ customer: { email: `inbox.${suffix()}@example.com`, firstName: 'Zoë' } });
    const headers = seedHeaders(
      body,
      'customer.created',
      String(connection.values.secret),
      `fixture-${suffix()}`,
    );
    const reply = await api<{ inboxId: string }>(
      'POST',
      String(connection.values.webhookPath),
      body,
      headers,
    );
    if (reply.status !== 202)
      throw new Error(`fixture webhook delivery not accepted: ${reply.status} ${JSON.stringify(reply.body)}`);
    await waitForDelivery(api, reply.body.inboxId);
    return {
      kind: 'inboxDelivery',
      params: { inboxId: reply.body.inboxId },
      identity: reply.body.inboxId,
      version: 1,
      finds: { status: 'processed' },
      patch: {},
      values: {},
    };
  },
  identityOf: (item) => String(item.inboxId),
  crossWorkspaceCreates: () => [],
};
