import { startLocalCloud } from '../../infra/local/local-cloud';
import { getContact } from '../../shared/contacts/get-contact';
import { GetCommand, PutCommand } from '../../shared/store/document-client';
import { keys } from '../../shared/store/keys';
import { benchCloud } from './bench-cloud';
import { ms, ratio, statsOf, timeEach } from './stats';

const reads = 600;
const writes = 300;

/**
 * Median and p99 of the API through the local HTTP server (JWT check, middy, zod, handler, DynamoDB)
 * next to the raw DynamoDB call it makes, from the same process against the same DynamoDB Local.
 */
export async function benchApi(): Promise<string> {
  const cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, tableName: 'seed-crm-bench' });
  try {
    const { sent, client, store, api } = await benchCloud(cloud);
    const contact = (await api('POST', '/api/contacts', {
      firstName: 'Bench',
      lastName: 'Mark',
      email: 'bench@example.com',
      tags: ['a', 'b'],
    })) as { id: string };
    const key = keys.record('bench', 'CONTACT', contact.id);

    sent.length = 0;
    await getContact({ store }, 'bench', contact.id);
    const requestsPerRead = sent.length;

    // warm both paths (JIT, connection pools, handler modules) before measuring
    for (let i = 0; i < 100; i++) {
      await client.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }));
      await api('GET', `/api/contacts/${contact.id}`);
    }
    const rawGet: number[] = [];
    const apiGet: number[] = [];
    // interleaved blocks, so drift on a shared machine hits both sides alike
    for (let block = 0; block < 6; block++) {
      rawGet.push(
        ...(await timeEach(reads / 6, () =>
          client.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true })),
        )),
      );
      apiGet.push(...(await timeEach(reads / 6, () => api('GET', `/api/contacts/${contact.id}`))));
    }
    const rawPut: number[] = [];
    const apiPost: number[] = [];
    for (let block = 0; block < 6; block++) {
      rawPut.push(
        ...(await timeEach(writes / 6, (i) =>
          client.send(
            new PutCommand({
              TableName: store.tableName,
              Item: {
                pk: `WS#bench#RAW#${block}-${i}`,
                sk: 'RAW',
                firstName: 'Raw',
                email: `raw-${block}-${i}@example.com`,
              },
            }),
          ),
        )),
      );
      apiPost.push(
        ...(await timeEach(writes / 6, (i) =>
          api('POST', '/api/contacts', { firstName: 'Api', email: `api-${block}-${i}@example.com` }),
        )),
      );
    }
    const g = statsOf(rawGet);
    const a = statsOf(apiGet);
    const p = statsOf(rawPut);
    const c = statsOf(apiPost);
    return `## API latency (local HTTP server → handler → DynamoDB Local)

${reads} reads and ${writes} writes, interleaved in blocks with their baseline, after a warm-up.
Baselines: the raw DynamoDB call from the same process against the same DynamoDB Local
(GetItem, consistent; PutItem of a similar item).
DynamoDB requests made to read one contact: **${requestsPerRead}** (target: exactly 1).

| Operation | median | p99 | baseline median | baseline p99 | ratio (median) | target |
| --- | --- | --- | --- | --- | --- | --- |
| \`GET /api/contacts/{id}\` | ${ms(a.median)} | ${ms(a.p99)} | ${ms(g.median)} (GetItem) | ${ms(g.p99)} | **${ratio(a.median, g.median)}** | ≤ 1.5× |
| \`POST /api/contacts\` | ${ms(c.median)} | ${ms(c.p99)} | ${ms(p.median)} (PutItem) | ${ms(p.p99)} | **${ratio(c.median, p.median)}** | — |

\`POST\` does more by design: it reads the workspace's custom field definitions (one Query) and writes the
contact, its email uniqueness item and its tag items in one transaction.`;
  } finally {
    await cloud.stop();
  }
}
