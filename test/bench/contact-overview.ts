import { startLocalCloud } from '../../infra/local/local-cloud';
import { activitiesKeys } from '../../shared/activities/activities-keys';
import { contactOverview, listContactTimeline } from '../../shared/activities/read-timeline';
import { QueryCommand } from '../../shared/store/document-client';
import { benchCloud } from './bench-cloud';
import { ms, ratio, statsOf, timeEach } from './stats';

const reads = 600;

/**
 * The contact overview (decision 150): how many DynamoDB requests the overview and a timeline page make
 * (target: one Query each), and the overview's latency through the local HTTP server next to a raw Query
 * of the same item collection (same key range, Limit 22, consistent), from the same process.
 */
export async function benchOverview(): Promise<string> {
  const cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-bench-overview',
  });
  try {
    const { sent, client, store, api } = await benchCloud(cloud);
    const contact = (await api('POST', '/api/contacts', {
      firstName: 'Bench',
      email: 'bench@example.com',
    })) as { id: string };
    // more entries than the overview shows, of every activity type
    const bodies = [
      { type: 'note', body: 'Asked about **pricing** for the _team_ plan' },
      { type: 'call', direction: 'outbound', outcome: 'connected', durationSeconds: 300, notes: 'Follow up' },
      { type: 'email', subject: 'Quote', direction: 'sent', body: 'Please find the quote attached.' },
    ];
    for (let at = 0; at < 30; at++) {
      await api('POST', `/api/contacts/${contact.id}/activities`, {
        ...bodies[at % bodies.length],
        occurredAt: new Date(Date.UTC(2026, 10, 1, 9, at)).toISOString(),
      });
    }

    sent.length = 0;
    const overview = await contactOverview({ store }, 'bench', contact.id);
    const overviewRequests = [...sent];
    sent.length = 0;
    await listContactTimeline({ store }, 'bench', contact.id, { limit: 20 });
    const pageRequests = [...sent];
    if (overview.activities.length !== 20)
      throw new Error(`overview held ${overview.activities.length} entries`);

    const range = activitiesKeys.contactOverviewRange('bench', contact.id);
    const rawQuery = () =>
      client.send(
        new QueryCommand({
          TableName: store.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': range.pk, ':from': range.from, ':to': range.to },
          ConsistentRead: true,
          Limit: 22,
        }),
      );
    const path = `/api/contacts/${contact.id}/overview`;
    for (let i = 0; i < 100; i++) {
      await rawQuery();
      await api('GET', path);
    }
    const raw: number[] = [];
    const viaApi: number[] = [];
    // interleaved blocks, so drift on a shared machine hits both sides alike
    for (let block = 0; block < 6; block++) {
      raw.push(...(await timeEach(reads / 6, rawQuery)));
      viaApi.push(...(await timeEach(reads / 6, () => api('GET', path))));
    }
    const q = statsOf(raw);
    const a = statsOf(viaApi);
    const count = (requests: string[]) =>
      `**${requests.length}** (${requests.map((name) => name.replace('Command', '')).join(', ')})`;
    return `## Contact overview (decision 150)

A contact with 30 logged activities. DynamoDB requests made, counted on the client:
the overview (\`contactOverview\`): ${count(overviewRequests)}, target exactly 1 Query;
the first timeline page of 20 (\`listContactTimeline\`, unfiltered): ${count(pageRequests)}, target 1 Query.
${reads} overview reads through the local HTTP server, interleaved in blocks with the baseline, after a
warm-up. Baseline: a raw Query of the same item collection (same key range, Limit 22, consistent) from
the same process against the same DynamoDB Local.

| Operation | median | p99 | baseline median | baseline p99 | ratio (median) | target |
| --- | --- | --- | --- | --- | --- | --- |
| \`GET /api/contacts/{id}/overview\` | ${ms(a.median)} | ${ms(a.p99)} | ${ms(q.median)} (Query) | ${ms(q.p99)} | **${ratio(a.median, q.median)}** | ≤ 1.5× |`;
  } finally {
    await cloud.stop();
  }
}
