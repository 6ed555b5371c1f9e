import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expireUnmatchedDeliveries } from '../../infra/local/unmatched-expiry';

const dir = mkdtempSync(join(tmpdir(), 'seed-crm-unmatched-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (...parts: string[]) => {
  mkdirSync(join(dir, ...parts.slice(0, -1)), { recursive: true });
  writeFileSync(join(dir, ...parts), '{}');
  return join(dir, ...parts);
};

describe('the local cloud’s expiry of deliveries to unknown targets', () => {
  it('removes the day folders that began over 6 days ago (hourly, nothing gets older than 7 days), nothing else', async () => {
    const now = new Date('2025-05-14T12:00:00Z');
    const old = file('webhooks-unmatched', 'shop', '2025-05-07', '2359-1.json');
    const legacy = file('webhooks', '_unrouted', 'shopify', '2025-05-01', '01J9ZK3T5Q8W6N4M2P0R7S9V1X.json');
    const recent = file('webhooks-unmatched', 'shop', '2025-05-09', '0000-1.json');
    const kept = file('webhooks', 'acme', 'shop', '2025-01-01', '01J9ZK3T5Q8W6N4M2P0R7S9V1X.json');

    expect((await expireUnmatchedDeliveries(dir, now)).sort()).toEqual([
      'webhooks-unmatched/shop/2025-05-07',
      'webhooks/_unrouted/shopify/2025-05-01',
    ]);
    expect([existsSync(old), existsSync(legacy), existsSync(recent), existsSync(kept)]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('has nothing to do in an archive without such folders', async () => {
    expect(await expireUnmatchedDeliveries(join(dir, 'missing'), new Date())).toEqual([]);
  });
});
