import { startLocalCloud } from '../../infra/local/local-cloud';
import { createDeal } from '../../shared/deals/create-deal';
import { dealsKeys } from '../../shared/deals/deals-keys';
import { readBoard } from '../../shared/deals/read-board';
import { GetCommand, QueryCommand } from '../../shared/store/document-client';
import { crmTable } from '../../shared/store/table';
import { seedMember } from '../support/team-members';
import { benchCloud } from './bench-cloud';
import { ms, ratio, statsOf, timeEach } from './stats';

const deals = 1000;
const reads = 300;

/**
 * The board (decision 160): with 1,000 open deals in 6 stages, how many DynamoDB requests a board load
 * makes (target: 1 GetItem of the pipeline and at most 1 Query per stage), and its latency through the
 * local HTTP server next to one raw Query of one column (its first page of 20), from the same process.
 */
export async function benchBoard(): Promise<string> {
  const cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-bench-board',
  });
  try {
    const { sent, client, store, api } = await benchCloud(cloud);
    const userId = await seedMember('bench', {
      email: 'bench@example.com',
      table: { client, tableName: store.tableName },
    });
    const pipeline = (await api('POST', '/api/pipelines', {
      name: 'Bench',
      stages: ['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Contract'].map((name, at) => ({
        name,
        probability: 10 + at * 15,
      })),
    })) as unknown as { id: string; stages: { id: string }[] };
    const deps = { store, clock: () => new Date() };
    const caller = { workspaceId: 'bench', userId };
    for (let at = 0; at < deals; at += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, offset) =>
          createDeal(deps, caller, {
            name: `Bench deal ${at + offset}`,
            amount: `${(at + offset) * 7}.50`,
            currency: (at + offset) % 4 === 0 ? 'USD' : 'EUR',
            pipelineId: pipeline.id,
            stageId: pipeline.stages[(at + offset) % pipeline.stages.length]?.id,
            contactIds: [],
            tags: [],
          }),
        ),
      );
    }

    sent.length = 0;
    const board = await readBoard(deps, 'bench', pipeline.id, { limit: 20 });
    const boardRequests = [...sent];
    const counted = board.columns.reduce((sum, column) => sum + column.totals.count, 0);
    if (counted !== deals) throw new Error(`the board counted ${counted} deals`);

    const index = crmTable.indexes.byCollection;
    const column = dealsKeys.boardColumnPartition('bench', pipeline.id, pipeline.stages[0]?.id as string);
    const rawQuery = () =>
      client.send(
        new QueryCommand({
          TableName: store.tableName,
          IndexName: index.name,
          KeyConditionExpression: `${index.partitionKey} = :pk`,
          ExpressionAttributeValues: { ':pk': column },
          Limit: 20,
        }),
      );
    // the board's own requests, raw and in parallel: what DynamoDB Local alone costs for a board
    const rawBoard = () =>
      Promise.all([
        client.send(
          new GetCommand({
            TableName: store.tableName,
            Key: dealsKeys.pipeline('bench', pipeline.id),
            ConsistentRead: true,
          }),
        ),
        ...pipeline.stages.map((stage) =>
          client.send(
            new QueryCommand({
              TableName: store.tableName,
              IndexName: index.name,
              KeyConditionExpression: `${index.partitionKey} = :pk`,
              ExpressionAttributeValues: {
                ':pk': dealsKeys.boardColumnPartition('bench', pipeline.id, stage.id),
              },
              Limit: 20,
            }),
          ),
        ),
      ]);
    const path = `/api/pipelines/${pipeline.id}/board`;
    for (let i = 0; i < 50; i++) {
      await rawQuery();
      await rawBoard();
      await api('GET', path);
    }
    const raw: number[] = [];
    const rawAll: number[] = [];
    const viaApi: number[] = [];
    // interleaved blocks, so drift on a shared machine hits all sides alike
    for (let block = 0; block < 6; block++) {
      raw.push(...(await timeEach(reads / 6, rawQuery)));
      rawAll.push(...(await timeEach(reads / 6, rawBoard)));
      viaApi.push(...(await timeEach(reads / 6, () => api('GET', path))));
    }
    const q = statsOf(raw);
    const r = statsOf(rawAll);
    const a = statsOf(viaApi);
    const names = boardRequests.map((name) => name.replace('Command', ''));
    const tally = [...new Set(names)].map(
      (name) => `${names.filter((each) => each === name).length} ${name}`,
    );
    return `## Deal board (decision 160)

A pipeline of 6 stages holding ${deals} open deals (EUR and USD). DynamoDB requests of one board load
(\`readBoard\`, first page of 20 cards per column), counted on the client: **${boardRequests.length}** (${tally.join(', ')}),
target 1 GetItem + at most 1 Query per stage (7). The totals come from the pipeline item's counters, never a scan.
${reads} board loads through the local HTTP server, interleaved in blocks with the baseline, after a warm-up.
Baseline: one raw Query of one column (its first 20 cards by position, the board's own Query) from the same
process against the same DynamoDB Local; second row, the board's 7 requests sent raw and in parallel, which
separates what DynamoDB Local costs for them from what the API adds (HTTP, auth, 120 cards of JSON).

| Operation | median | p99 | baseline median | baseline p99 | ratio (median) |
| --- | --- | --- | --- | --- | --- |
| \`GET /api/pipelines/{id}/board\` (6 columns × 20 cards) vs one column's Query | ${ms(a.median)} | ${ms(a.p99)} | ${ms(q.median)} (Query) | ${ms(q.p99)} | **${ratio(a.median, q.median)}** |
| the same board vs its 7 requests raw, in parallel | ${ms(a.median)} | ${ms(a.p99)} | ${ms(r.median)} (GetItem + 6 Query) | ${ms(r.p99)} | **${ratio(a.median, r.median)}** |`;
  } finally {
    await cloud.stop();
  }
}
