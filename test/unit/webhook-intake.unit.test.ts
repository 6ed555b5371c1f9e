import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { ShopProvider } from '../../shared/shops/shop-connection';
import type { StoredShopConnection } from '../../shared/shops/shop-connections-store';
import { shopWebhookEndpoint } from '../../shared/shops/shop-webhook-endpoint';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '../../shared/store/document-client';
import type { Store } from '../../shared/store/store';
import type { Archive } from '../../shared/webhooks/archive';
import {
  ArchivedDelivery,
  UnmatchedDelivery,
  unmatchedArchive,
} from '../../shared/webhooks/archived-delivery';
import { intakeResponse, receiveWebhook } from '../../shared/webhooks/receive-webhook';
import { fixture, shopifyHeaders, shopifyTestSecret } from '../support/shop-webhooks';

const connectionId = 'acme-1.01J9ZK3T5Q8W6N4M2P0R7S9V1X';
const now = new Date('2025-05-14T08:30:00.000Z');

/** Fakes of the ports: an archive in memory and a store that answers GetItem and records transactions. */
function fakes(options: { connection?: Partial<StoredShopConnection> | null; duplicate?: boolean } = {}) {
  const steps: string[] = [];
  const archived = new Map<string, string>();
  const transactions: unknown[] = [];
  const updates: unknown[] = [];
  const connection: StoredShopConnection | undefined =
    options.connection === null
      ? undefined
      : {
          id: connectionId,
          provider: 'shopify',
          name: 'Demo shop',
          abandonAfterHours: 4,
          webhookPath: `/api/webhooks/shopify/${connectionId}`,
          secret: shopifyTestSecret,
          secretUpdatedAt: now.toISOString(),
          version: 1,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          ...options.connection,
        };
  const archive: Archive = {
    async put(key, body) {
      steps.push('archive');
      archived.set(key, body);
    },
    async putIfAbsent(key, body) {
      steps.push('archive if absent');
      if (archived.has(key)) return false;
      archived.set(key, body);
      return true;
    },
    get: async (key) => archived.get(key) ?? '',
    delete: async (key) => {
      archived.delete(key);
    },
  };
  const store = {
    tableName: 'test',
    client: {
      async send(command: unknown) {
        if (command instanceof GetCommand) {
          steps.push('get');
          return { Item: connection && { pk: 'x', sk: 'y', ...connection } };
        }
        if (command instanceof TransactWriteCommand) {
          steps.push('transaction');
          transactions.push(command.input);
          if (options.duplicate) {
            throw new TransactionCanceledException({
              message: 'cancelled',
              $metadata: {},
              CancellationReasons: [
                { Code: 'ConditionalCheckFailed', Item: { inboxId: { S: '01J9ZK3T5Q8W6N4M2P0R7S9V00' } } },
                { Code: 'None' },
              ],
            });
          }
          return {};
        }
        if (command instanceof UpdateCommand) {
          steps.push('update');
          updates.push(command.input);
          return {};
        }
        throw new Error(`unexpected command ${String(command)}`);
      },
    },
  } as unknown as Store;
  const logs: Record<string, unknown>[] = [];
  const deps = {
    store,
    clock: () => now,
    archive,
    log: (entry: Record<string, unknown>) => logs.push(entry),
  };
  return { deps, steps, archived, transactions, updates, logs };
}

const body = fixture('shopify/orders-create.body');
const goodHeaders = shopifyHeaders(
  body,
  'orders/create',
  shopifyTestSecret,
  'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
);
const endpoint = (provider: ShopProvider = 'shopify') => shopWebhookEndpoint(provider);

describe('webhook intake', () => {
  it('finds the connection, verifies, then archives, then writes the inbox and outbox items in one transaction', async () => {
    const { deps, steps, archived, transactions } = fakes();
    const result = await receiveWebhook(deps, endpoint(), connectionId, { headers: goodHeaders, body });
    expect(result.outcome).toBe('accepted');
    expect(intakeResponse(result).statusCode).toBe(202);
    expect(steps).toEqual(['get', 'archive', 'transaction']);

    const [key, text] = [...archived.entries()][0] as [string, string];
    expect(key).toBe(
      `webhooks/acme-1/shopify/2025-05-14/${result.outcome === 'accepted' ? result.inboxId : ''}.json`,
    );
    const delivery = ArchivedDelivery.parse(JSON.parse(text));
    expect(Buffer.from(delivery.bodyBase64, 'base64').equals(body)).toBe(true);
    expect(delivery.headers['x-shopify-hmac-sha256']).toBe(goodHeaders['x-shopify-hmac-sha256']);

    const items = (
      transactions[0] as {
        TransactItems: { Put?: { Item: Record<string, unknown>; ConditionExpression?: string } }[];
      }
    ).TransactItems;
    expect(items).toHaveLength(2);
    expect(items[0]?.Put?.Item).toMatchObject({
      pk: `WS#acme-1#WEBHOOK#shopify#01J9ZK3T5Q8W6N4M2P0R7S9V1X#b54557e4-bdd9-4b37-8a5f-bf7d70bcd043`,
      sk: 'WEBHOOK',
      status: 'received',
      topic: 'orders/create',
      archiveKey: key,
    });
    expect(items[0]?.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(items[1]?.Put?.Item).toMatchObject({ sk: 'OUTBOX', events: [{ detailType: 'webhook.received' }] });
  });

  it('answers a redelivery 200 with the first delivery’s inbox id', async () => {
    const { deps, archived, updates } = fakes({ duplicate: true });
    const result = await receiveWebhook(deps, endpoint(), connectionId, { headers: goodHeaders, body });
    expect(result).toEqual({ outcome: 'duplicate', inboxId: '01J9ZK3T5Q8W6N4M2P0R7S9V00' });
    expect(intakeResponse(result).statusCode).toBe(200);
    // its archived copy is noted on the delivery it repeats, for erasing whoever that one carried
    expect(updates).toEqual([
      expect.objectContaining({
        UpdateExpression: 'ADD duplicateArchiveKeys :archiveKey',
        ExpressionAttributeValues: { ':archiveKey': new Set([...archived.keys()]) },
      }),
    ]);
  });

  it.each([
    ['a bad signature', { ...goodHeaders, 'x-shopify-hmac-sha256': 'AAAA' }, 401, 'webhook.bad_signature'],
    ['no topic', { ...goodHeaders, 'x-shopify-topic': '' }, 400, 'webhook.malformed'],
  ])('refuses %s without storing anything, and logs it', async (_what, headers, status, code) => {
    const { deps, steps, archived, logs } = fakes();
    await expect(receiveWebhook(deps, endpoint(), connectionId, { headers, body })).rejects.toMatchObject({
      statusCode: status,
      code,
    });
    expect(steps).toEqual(['get']);
    expect(archived.size).toBe(0);
    expect(logs).toEqual([expect.objectContaining({ msg: 'webhook refused', code, bodyBytes: body.length })]);
    expect(JSON.stringify(logs)).not.toContain(shopifyTestSecret);
  });

  it('refuses a malformed body with 400 once the signature is good, storing nothing', async () => {
    const bad = Buffer.from('{"id": 1');
    const { deps, steps, archived } = fakes();
    await expect(
      receiveWebhook(deps, endpoint(), connectionId, {
        headers: shopifyHeaders(bad, 'orders/create', shopifyTestSecret, 'w-1'),
        body: bad,
      }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'webhook.malformed' });
    expect(steps).toEqual(['get']);
    expect(archived.size).toBe(0);
  });

  it.each([
    ['a known connection', connectionId],
    ['an unknown workspace', 'anyws.01J9ZK3T5Q8W6N4M2P0R7S9V1X'],
  ])('refuses a body over 1 MB to %s with 413 before reading or storing anything', async (_what, id) => {
    const { deps, steps, archived, logs } = fakes({ connection: id === connectionId ? {} : null });
    const huge = Buffer.alloc(1024 * 1024 + 1, 0x20);
    await expect(
      receiveWebhook(deps, endpoint(), id, {
        headers: shopifyHeaders(huge, 'orders/create', 'not-the-secret', 'big-1'),
        body: huge,
      }),
    ).rejects.toMatchObject({ statusCode: 413, code: 'webhook.too_large' });
    expect(steps).toEqual([]);
    expect(archived.size).toBe(0);
    expect(logs).toEqual([expect.objectContaining({ status: 413, bodyBytes: huge.length })]);
  });

  it.each([
    ['a malformed connection id', 'not-a-connection', null],
    ['a connection that does not exist', connectionId, null],
    ['a connection of another platform', connectionId, { provider: 'woocommerce' as const }],
  ])(
    'answers 404 for %s, keeping the start of it under webhooks-unmatched/ only',
    async (_what, id, connection) => {
      const { deps, archived, logs } = fakes({ connection });
      await expect(
        receiveWebhook(deps, endpoint(), id, { headers: goodHeaders, body }),
      ).rejects.toMatchObject({
        statusCode: 404,
        code: 'webhook.unknown_connection',
      });
      const [key, text] = [...archived.entries()][0] as [string, string];
      expect(archived.size).toBe(1);
      expect(key).toMatch(/^webhooks-unmatched\/shopify\/2025-05-14\/0830-\d\.json$/);
      const kept = UnmatchedDelivery.parse(JSON.parse(text));
      expect(kept).toMatchObject({
        source: 'shopify',
        targetId: id,
        bodyBytes: body.length,
        truncated: false,
      });
      expect(Buffer.from(kept.bodyBase64, 'base64').equals(body)).toBe(true);
      expect(logs).toEqual([expect.objectContaining({ status: 404, unmatchedKey: key })]);
    },
  );

  it('keeps only the first 32 KB of an unmatched body, with its length and SHA-256', async () => {
    const { deps, archived } = fakes({ connection: null });
    const large = Buffer.alloc(900 * 1024, 0x61);
    await expect(
      receiveWebhook(deps, endpoint(), 'anyws.01J9ZK3T5Q8W6N4M2P0R7S9V1X', {
        headers: goodHeaders,
        body: large,
      }),
    ).rejects.toMatchObject({ statusCode: 404 });
    const kept = UnmatchedDelivery.parse(JSON.parse([...archived.values()][0] as string));
    expect(Buffer.from(kept.bodyBase64, 'base64')).toHaveLength(unmatchedArchive.bodyBytes);
    expect(kept).toMatchObject({
      bodyBytes: large.length,
      truncated: true,
      bodySha256: createHash('sha256').update(large).digest('hex'),
    });
  });

  it('keeps at most 10 unmatched deliveries per source and minute, however many arrive', async () => {
    const { deps, archived, logs, steps } = fakes({ connection: null });
    for (let attempt = 0; attempt < 200; attempt++) {
      await expect(
        receiveWebhook(deps, endpoint(), `ws${attempt}.01J9ZK3T5Q8W6N4M2P0R7S9V1X`, {
          headers: goodHeaders,
          body,
        }),
      ).rejects.toMatchObject({ statusCode: 404 });
    }
    expect(archived.size).toBe(unmatchedArchive.slotsPerMinute);
    expect(
      [...archived.keys()].every((key) => key.startsWith('webhooks-unmatched/shopify/2025-05-14/0830-')),
    ).toBe(true);
    expect(logs.filter((entry) => entry.unmatchedKept === false)).toHaveLength(200 - archived.size);
    // a slot found taken is not tried again that minute: the flood cost one write per slot, no more
    expect(steps.filter((step) => step === 'archive if absent')).toHaveLength(
      unmatchedArchive.slotsPerMinute,
    );
  });

  it('acknowledges a WooCommerce ping with 200 and queues nothing', async () => {
    const { deps, steps } = fakes({ connection: { provider: 'woocommerce' } });
    const result = await receiveWebhook(deps, endpoint('woocommerce'), connectionId, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fixture('woocommerce/ping.body'),
    });
    expect(result).toEqual({ outcome: 'ignored', reason: 'ping' });
    expect(intakeResponse(result)).toEqual({ statusCode: 200, body: { status: 'ignored' } });
    // unsigned, so not kept: anyone can send one
    expect(steps).toEqual(['get']);
  });

  it('never archives credentials a caller might send', async () => {
    const { deps, archived } = fakes();
    await receiveWebhook(deps, endpoint(), connectionId, {
      headers: { ...goodHeaders, authorization: 'Bearer abc', cookie: 'session=1' },
      body,
    });
    const delivery = ArchivedDelivery.parse(JSON.parse([...archived.values()][0] as string));
    expect(delivery.headers).not.toHaveProperty('authorization');
    expect(delivery.headers).not.toHaveProperty('cookie');
  });

  it('accepts the previous secret for a day after a change, and not after', async () => {
    const rotated = {
      secret: 'the-new-secret-after-rotation',
      previousSecret: shopifyTestSecret,
      previousSecretValidUntil: new Date(now.getTime() + 1000).toISOString(),
    };
    const during = fakes({ connection: rotated });
    await expect(
      receiveWebhook(during.deps, endpoint(), connectionId, { headers: goodHeaders, body }),
    ).resolves.toMatchObject({
      outcome: 'accepted',
    });
    const after = fakes({ connection: { ...rotated, previousSecretValidUntil: now.toISOString() } });
    await expect(
      receiveWebhook(after.deps, endpoint(), connectionId, { headers: goodHeaders, body }),
    ).rejects.toMatchObject({
      statusCode: 401,
    });
  });
});
