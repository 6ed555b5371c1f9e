import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud';
import { formatMinorUnits, toMinorUnits } from '../../shared/orders/money';
import type { ShopConnection } from '../../shared/shops/shop-connection';
import { newWorkspaceId } from '../support/api-client';
import { localCloudClient } from '../support/local-cloud-client';
import { shopifyTestSecret } from '../support/shop-webhooks';
import { deliveriesInStatus, planBurst, sendBurst, waitUntilProcessed } from '../support/webhook-burst';

/**
 * Reliability: 2,000 Shopify order deliveries, 20 at a time, 10 % of them redeliveries and 5 % forged.
 * Every good order is stored exactly once (with its customer's stats right), every forged one refused,
 * and none is lost: each delivery taken in is archived (no forged one), each accepted one processed,
 * nothing dead-lettered.
 */
const options = {
  deliveries: 2000,
  duplicateShare: 0.1,
  badSignatureShare: 0.05,
  concurrency: 20,
  customers: 1000,
};
let cloud: LocalCloud;
let client: ReturnType<typeof localCloudClient>;
const workspaceId = newWorkspaceId('burst');

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-burst-test' });
  client = localCloudClient(cloud);
});
afterAll(async () => {
  await cloud?.stop();
});

describe('a burst of shop webhooks', () => {
  it('stores every good order exactly once, refuses every forged one and loses none', {
    // about 3 minutes on a busy two-core machine (DynamoDB Local is the bottleneck), under 90 s when quiet
    timeout: 300_000,
  }, async () => {
    const api = await client.apiAs(workspaceId);
    const connection = (
      await api<ShopConnection>('POST', '/api/settings/shop-connections', {
        provider: 'shopify',
        name: 'Burst shop',
        secret: shopifyTestSecret,
      })
    ).body;
    const plan = planBurst(shopifyTestSecret, options);
    const good = plan.filter((delivery) => delivery.kind === 'good');
    expect(plan).toHaveLength(2000);
    expect(plan.filter((delivery) => delivery.kind === 'duplicate')).toHaveLength(200);
    expect(plan.filter((delivery) => delivery.kind === 'bad')).toHaveLength(100);

    const { results } = await sendBurst(client, connection.webhookPath, plan, options.concurrency);
    const answers = (kind: string) =>
      results.filter((result) => result.kind === kind).map((result) => result.status);
    // a redelivery racing its original may be the one accepted: per order, one 202 and the rest 200
    expect(answers('bad').every((status) => status === 401)).toBe(true);
    expect([...answers('good'), ...answers('duplicate')].filter((status) => status === 202)).toHaveLength(
      1700,
    );
    expect([...answers('good'), ...answers('duplicate')].filter((status) => status === 200)).toHaveLength(
      200,
    );

    await waitUntilProcessed(cloud, client, workspaceId, good.length, 240_000);
    await client.drained();

    const items = await client.itemsOf(workspaceId);
    const orders = items.filter((item) => item.sk === 'ORDER');
    const stored = orders.map((order) => Number(order.externalId)).sort((a, b) => a - b);
    expect(stored).toEqual(good.map((delivery) => delivery.orderId).sort((a, b) => a - b));
    expect(new Set(stored).size).toBe(stored.length);

    // each customer's statistics add up to exactly their orders
    const contactsByEmail = new Map(
      items.filter((item) => item.sk === 'CONTACT').map((item) => [String(item.email), String(item.id)]),
    );
    const statsByContact = new Map(
      items
        .filter((item) => item.sk === 'PURCHASES')
        .map((item) => [
          String(item.pk).split('#')[3],
          item as { count: number; totals: Record<string, number> },
        ]),
    );
    const expected = new Map<string, { count: number; minor: number }>();
    for (const delivery of good) {
      const entry = expected.get(delivery.email) ?? { count: 0, minor: 0 };
      expected.set(delivery.email, {
        count: entry.count + 1,
        minor: entry.minor + toMinorUnits(delivery.total, 'EUR'),
      });
    }
    expect(contactsByEmail.size).toBe(expected.size);
    for (const [email, { count, minor }] of expected) {
      const stats = statsByContact.get(contactsByEmail.get(email) as string);
      expect({ email, count: stats?.count, total: formatMinorUnits(stats?.totals.EUR ?? 0, 'EUR') }).toEqual({
        email,
        count,
        total: formatMinorUnits(minor, 'EUR'),
      });
    }

    // nothing lost: every delivery taken in (accepted or duplicate) archived, no forged one, every accepted
    // one processed, nothing failed or dead-lettered
    const dir = join(process.env.ARCHIVE_DIR as string, 'webhooks', workspaceId, 'shopify');
    const archived = existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
    expect(archived.filter((name) => name.endsWith('.json'))).toHaveLength(1900);
    expect(await deliveriesInStatus(cloud, client, workspaceId, 'processed')).toHaveLength(1700);
    expect(await deliveriesInStatus(cloud, client, workspaceId, 'failed')).toHaveLength(0);
    expect(await deliveriesInStatus(cloud, client, workspaceId, 'received')).toHaveLength(0);
    expect(cloud.eventBus.deadLetters()).toEqual([]);
  });
});
