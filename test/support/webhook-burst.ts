import type { LocalCloud } from '../../infra/local/local-cloud';
import { QueryCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import { crmTable } from '../../shared/store/table';
import type { localCloudClient } from './local-cloud-client';
import { shopifyHeaders, shopifyOrderBody } from './shop-webhooks';

export interface BurstOptions {
  deliveries: number;
  /** Share of deliveries that repeat an earlier one (same X-Shopify-Webhook-Id). */
  duplicateShare: number;
  /** Share signed with the wrong secret. */
  badSignatureShare: number;
  concurrency: number;
  /** How many customers the orders are spread over (several orders each: their stats race). */
  customers: number;
  seed?: number;
}

export interface PlannedDelivery {
  kind: 'good' | 'duplicate' | 'bad';
  orderId: number;
  email: string;
  total: string;
  body: string;
  headers: Record<string, string>;
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A burst of Shopify orders/create deliveries: good ones, redeliveries of earlier ones, forged ones. */
export function planBurst(secret: string, options: BurstOptions): PlannedDelivery[] {
  const next = random(options.seed ?? 42);
  const duplicates = Math.round(options.deliveries * options.duplicateShare);
  const bad = Math.round(options.deliveries * options.badSignatureShare);
  const good = options.deliveries - duplicates - bad;
  const delivery = (kind: 'good' | 'bad', index: number): PlannedDelivery => {
    const orderId = 7_000_000_000_000 + index;
    const email = `buyer.${index % options.customers}@example.com`;
    const total = `${(index % 97) + 1}.${String(index % 100).padStart(2, '0')}`;
    const body = shopifyOrderBody({ id: orderId, email, total });
    const signer = kind === 'good' ? secret : 'a-secret-the-shop-never-had';
    return {
      kind,
      orderId,
      email,
      total,
      body,
      headers: shopifyHeaders(body, 'orders/create', signer, `burst-${index}`),
    };
  };
  const plan: PlannedDelivery[] = [];
  for (let index = 0; index < good; index++) plan.push(delivery('good', index));
  for (let index = 0; index < bad; index++)
    plan.splice(Math.floor(next() * (plan.length + 1)), 0, delivery('bad', good + index));
  for (let count = 0; count < duplicates; count++) {
    // a redelivery comes after its original (Shopify retries after a timeout, or sends twice)
    const originalAt = Math.floor(next() * plan.length);
    const original = plan[originalAt] as PlannedDelivery;
    if (original.kind !== 'good') {
      count--;
      continue;
    }
    const at = originalAt + 1 + Math.floor(next() * (plan.length - originalAt));
    plan.splice(at, 0, { ...original, kind: 'duplicate' });
  }
  return plan;
}

export interface BurstResult {
  kind: PlannedDelivery['kind'];
  status: number;
  ms: number;
}

/** Sends the plan with `concurrency` deliveries in flight; returns every answer and the wall time. */
export async function sendBurst(
  client: ReturnType<typeof localCloudClient>,
  path: string,
  plan: PlannedDelivery[],
  concurrency: number,
): Promise<{ results: BurstResult[]; seconds: number }> {
  const results: BurstResult[] = new Array(plan.length);
  let nextIndex = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let at = nextIndex++; at < plan.length; at = nextIndex++) {
        const delivery = plan[at] as PlannedDelivery;
        const sent = performance.now();
        const reply = await client.post(path, delivery.body, delivery.headers);
        results[at] = { kind: delivery.kind, status: reply.status, ms: performance.now() - sent };
      }
    }),
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** How many of a workspace's deliveries are in a status (one Query per page of the status index). */
export async function deliveriesInStatus(
  cloud: LocalCloud,
  client: ReturnType<typeof localCloudClient>,
  workspaceId: string,
  status: string,
): Promise<Record<string, unknown>[]> {
  const index = crmTable.indexes.byParent;
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.documents.send(
      new QueryCommand({
        TableName: cloud.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :pk`,
        ExpressionAttributeValues: { ':pk': keys.webhookDeliveryStatusPartition(workspaceId, status) },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Waits until `expected` deliveries are processed (or the deadline passes); seconds waited. */
export async function waitUntilProcessed(
  cloud: LocalCloud,
  client: ReturnType<typeof localCloudClient>,
  workspaceId: string,
  expected: number,
  deadlineMs: number,
): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < deadlineMs) {
    const processed = await deliveriesInStatus(cloud, client, workspaceId, 'processed');
    if (processed.length >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (performance.now() - started) / 1000;
}

export function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
