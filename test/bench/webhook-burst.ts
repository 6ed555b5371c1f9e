import { startLocalCloud } from '../../infra/local/local-cloud';
import type { ShopConnection } from '../../shared/shops/shop-connection';
import { TransactWriteCommand } from '../../shared/store/document-client';
import { localCloudClient } from '../support/local-cloud-client';
import { shopifyHeaders, shopifyOrderBody, shopifyTestSecret } from '../support/shop-webhooks';
import {
  deliveriesInStatus,
  percentile,
  planBurst,
  sendBurst,
  waitUntilProcessed,
} from '../support/webhook-burst';

const burst = {
  deliveries: 2000,
  duplicateShare: 0.1,
  badSignatureShare: 0.05,
  concurrency: 20,
  customers: 1000,
};
const seconds = (value: number) => `${value.toFixed(2)} s`;

/**
 * The reliability burst as a benchmark: Shopify order deliveries accepted per second through the local
 * API (archive, verify, parse, inbox + outbox transaction), next to the rate of the bare inbox + outbox
 * transaction from the same process; and the delay from acceptance to processed (stream, bus, processor:
 * contact, order, stats), next to the delay of one delivery on an idle cloud.
 */
export async function benchWebhooks(): Promise<string> {
  const cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-bench-hooks',
  });
  try {
    const client = localCloudClient(cloud);
    const workspaceId = 'bench-hooks';
    const api = await client.apiAs(workspaceId);
    const connection = (
      await api<ShopConnection>('POST', '/api/settings/shop-connections', {
        provider: 'shopify',
        name: 'Bench shop',
        secret: shopifyTestSecret,
      })
    ).body;

    // baseline 1: the intake transaction alone (inbox item + outbox item of the same sizes), 20 at a time
    const rawCount = 400;
    const body = shopifyOrderBody({ id: 1, email: 'raw@example.com' });
    let next = 0;
    const rawStarted = performance.now();
    await Promise.all(
      Array.from({ length: burst.concurrency }, async () => {
        for (let at = next++; at < rawCount; at = next++) {
          await client.documents.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: cloud.tableName,
                    Item: {
                      pk: `WS#raw#WEBHOOK#${at}`,
                      sk: 'WEBHOOK',
                      gsi1pk: 'WS#raw#WEBHOOKS',
                      gsi1sk: String(at),
                    },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                { Put: { TableName: cloud.tableName, Item: { pk: `WS#raw#OUTBOX#${at}`, sk: 'RAW', body } } },
              ],
            }),
          );
        }
      }),
    );
    const rawRate = rawCount / ((performance.now() - rawStarted) / 1000);

    // baseline 2: one delivery on an idle cloud, from its answer to processed
    const single = shopifyOrderBody({ id: 2, email: 'idle@example.com' });
    const idleStarted = performance.now();
    await client.post(
      connection.webhookPath,
      single,
      shopifyHeaders(single, 'orders/create', shopifyTestSecret, 'idle-1'),
    );
    const idleAccepted = performance.now();
    await waitUntilProcessed(cloud, client, workspaceId, 1, 30_000);
    const idleDelay = (performance.now() - idleAccepted) / 1000;
    const idleAccept = (idleAccepted - idleStarted) / 1000;

    // the burst
    const plan = planBurst(shopifyTestSecret, { ...burst, seed: 7 });
    const good = plan.filter((delivery) => delivery.kind === 'good').length;
    const { results, seconds: sendSeconds } = await sendBurst(
      client,
      connection.webhookPath,
      plan,
      burst.concurrency,
    );
    const sentAt = performance.now();
    const waited = await waitUntilProcessed(cloud, client, workspaceId, good + 1, 600_000);
    const processed = await deliveriesInStatus(cloud, client, workspaceId, 'processed');
    const delays = processed.map(
      (item) => (Date.parse(String(item.processedAt)) - Date.parse(String(item.receivedAt))) / 1000,
    );
    const statuses = (status: number) => results.filter((result) => result.status === status).length;
    const accepted = statuses(202) + statuses(200);
    const answer = results.map((result) => result.ms);
    const drainedAfter = (performance.now() - sentAt) / 1000;
    return `## Shop webhooks (local API → archive → inbox → stream → bus → processor)

A burst of ${burst.deliveries} Shopify \`orders/create\` deliveries, ${burst.concurrency} at a time: ${good} distinct
orders of ${burst.customers} customers, ${Math.round(burst.duplicateShare * 100)} % redeliveries and
${Math.round(burst.badSignatureShare * 100)} % bad signatures. Answers: ${statuses(202)} × 202, ${statuses(200)} × 200
(duplicates), ${statuses(401)} × 401; ${processed.length - 1} of ${good} orders processed, ${cloud.eventBus.deadLetters().length} dead letters.

| Measure | value | baseline | ratio |
| --- | --- | --- | --- |
| deliveries accepted per second (202 + 200) | ${(accepted / sendSeconds).toFixed(1)} /s | ${rawRate.toFixed(1)} /s (inbox + outbox transaction alone, ${burst.concurrency} at a time) | **${(accepted / sendSeconds / rawRate).toFixed(2)}×** |
| answer time per delivery, median / p99 | ${(percentile(answer, 0.5) / 1000).toFixed(3)} s / ${(percentile(answer, 0.99) / 1000).toFixed(3)} s | ${seconds(idleAccept)} (one delivery, idle) | — |
| delay from acceptance to processed, median | ${seconds(percentile(delays, 0.5))} | ${seconds(idleDelay)} (one delivery, idle) | **${(percentile(delays, 0.5) / idleDelay).toFixed(1)}×** |
| delay from acceptance to processed, p95 / max | ${seconds(percentile(delays, 0.95))} / ${seconds(Math.max(...delays))} | — | — |
| all processed after the last answer | ${seconds(Math.max(waited, drainedAfter))} | — | — |

Everything runs on one machine: the client, the API, the processor and DynamoDB Local share its cores,
so the burst's processing competes with its own intake. In AWS each part scales on its own; the ratio to
the bare transaction is the figure to watch.`;
  } finally {
    await cloud.stop();
  }
}
