import { describe, expect, inject, it } from 'vitest';
import { createDeal } from '../../shared/deals/create-deal';
import type { Deal } from '../../shared/deals/deal';
import { dealsKeys } from '../../shared/deals/deals-keys';
import { toScaled } from '../../shared/deals/decimal';
import { ensureDefaultPipeline } from '../../shared/deals/manage-pipelines';
import { findPipeline } from '../../shared/deals/pipeline-store';
import { readBoard } from '../../shared/deals/read-board';
import { updateDeal } from '../../shared/deals/update-deal';
import { updatePipeline } from '../../shared/deals/update-pipeline';
import { ConflictError } from '../../shared/platform/errors';
import { queryAllOfIndex } from '../../shared/store/queries';
import { crmTable } from '../../shared/store/table';
import { newWorkspaceId } from '../support/api-client';
import { countingStore } from '../support/counting-store';
import { seedMember } from '../support/team-members';

/** The board's counters under concurrent moves, what a board load costs, and removing a stage that holds deals. */
const testStore = () => countingStore(inject('dynamoDbEndpoint'), inject('tableName'));

async function workspace() {
  const { store, sent } = testStore();
  const workspaceId = newWorkspaceId('board');
  const userId = await seedMember(workspaceId);
  const deps = { store, clock: () => new Date() };
  const caller = { workspaceId, userId };
  const { pipeline } = await ensureDefaultPipeline(deps, workspaceId);
  return { store, sent, deps, caller, workspaceId, pipeline };
}

/** The counters recounted from the cards themselves: each column's open deals, summed exactly per currency. */
async function recount(context: Awaited<ReturnType<typeof workspace>>) {
  const counted: Record<string, string> = {};
  for (const stage of context.pipeline.stages) {
    const cards = await queryAllOfIndex(
      context.store,
      crmTable.indexes.byCollection,
      dealsKeys.boardColumnPartition(context.workspaceId, context.pipeline.id, stage.id),
    );
    if (cards.length === 0) continue;
    counted[dealsKeys.stageCountAttribute(stage.id)] = String(cards.length);
    const sums = new Map<string, bigint>();
    for (const card of cards) {
      const currency = String(card.currency);
      sums.set(currency, (sums.get(currency) ?? 0n) + toScaled(String(card.amount), 4));
    }
    for (const [currency, sum] of sums)
      counted[dealsKeys.stageSumAttribute(stage.id, currency)] = String(sum);
  }
  for (const outcome of ['WON', 'LOST'] as const) {
    const closed = await queryAllOfIndex(
      context.store,
      crmTable.indexes.byCollection,
      dealsKeys.outcomePartition(context.workspaceId, context.pipeline.id, outcome),
    );
    if (closed.length > 0) counted[dealsKeys.outcomeCountAttribute(outcome)] = String(closed.length);
  }
  return counted;
}

/** The pipeline item's counters, without the zeros, sums scaled like the recount's. */
async function countersOf(context: Awaited<ReturnType<typeof workspace>>) {
  const record = await findPipeline(context.store, context.workspaceId, context.pipeline.id);
  return Object.fromEntries(
    Object.entries(record?.counters ?? {})
      .map(([name, value]) => [name, name.startsWith('sum#') ? String(toScaled(value, 4)) : value] as const)
      .filter(([, value]) => value !== '0'),
  );
}

const amounts = ['1250.50', '0.01', '999999999999.99', '19.99', '0.1', '0.2', '7'];
const currencies = ['EUR', 'USD'];

describe('the board counters', () => {
  it('stay exact under many concurrent moves: they equal a recount of the cards', async () => {
    const context = await workspace();
    const { deps, caller, pipeline } = context;
    const stages = pipeline.stages.map((stage) => stage.id);
    const deals: Deal[] = await Promise.all(
      Array.from({ length: 24 }, (_, at) =>
        createDeal(deps, caller, {
          name: `Deal ${at}`,
          amount: amounts[at % amounts.length] as string,
          currency: currencies[at % currencies.length] as string,
          stageId: stages[at % stages.length],
          contactIds: [],
          tags: [],
        }),
      ),
    );
    let refused = 0;
    // every deal moves four times in a row; all deals at once; and a second writer races on every third deal
    await Promise.all(
      deals.map(async (deal, at) => {
        let current = deal;
        for (let step = 1; step <= 4; step++) {
          const patch =
            step === 4 && at % 5 === 0
              ? { status: 'won' as const }
              : step === 4 && at % 5 === 1
                ? { status: 'lost' as const, lostReason: 'Price' }
                : { stageId: stages[(at + step) % stages.length] };
          const racing =
            at % 3 === 0
              ? updateDeal(
                  deps,
                  caller,
                  deal.id,
                  { stageId: stages[(at + step + 2) % stages.length] },
                  current.version,
                )
              : undefined;
          const [mine, theirs] = await Promise.allSettled([
            updateDeal(deps, caller, deal.id, patch, current.version),
            racing ?? Promise.reject(new ConflictError('deal.version_conflict')),
          ]);
          for (const outcome of [mine, theirs]) {
            if (outcome.status === 'rejected') {
              expect(outcome.reason).toBeInstanceOf(ConflictError);
              refused++;
            }
          }
          const winner = [mine, theirs].find((outcome) => outcome.status === 'fulfilled');
          if (winner?.status !== 'fulfilled') throw new Error('no move of the deal went through');
          current = winner.value;
          if (current.status !== 'open') break;
        }
      }),
    );
    expect(refused).toBeGreaterThan(0);
    expect(await countersOf(context)).toEqual(await recount(context));
  }, 120_000);

  it('cost one GetItem and one Query per stage for a board load, and one each for a column page', async () => {
    const context = await workspace();
    const { deps, caller, pipeline, sent, workspaceId } = context;
    for (let at = 0; at < 30; at++)
      await createDeal(deps, caller, {
        name: `Card ${at}`,
        amount: '10',
        currency: 'EUR',
        stageId: pipeline.stages[at % 2]?.id,
        contactIds: [],
        tags: [],
      });
    sent.length = 0;
    const board = await readBoard(deps, workspaceId, pipeline.id, { limit: 5 });
    expect(sent.sort()).toEqual(['GetItemCommand', ...pipeline.stages.map(() => 'QueryCommand')].sort());
    expect(board.columns.map((column) => column.totals.count)).toEqual([15, 15, 0, 0, 0]);
    expect(board.columns[0]?.cards).toHaveLength(5);
    const cursor = board.columns[0]?.nextCursor;
    expect(cursor).toBeDefined();
    sent.length = 0;
    const next = await readBoard(deps, workspaceId, pipeline.id, {
      limit: 5,
      stageId: pipeline.stages[0]?.id,
      cursor,
    });
    expect(sent.sort()).toEqual(['GetItemCommand', 'QueryCommand']);
    expect(next.columns).toHaveLength(1);
    expect(next.columns[0]?.cards.map((card) => card.name)).toEqual([
      'Card 10',
      'Card 12',
      'Card 14',
      'Card 16',
      'Card 18',
    ]);
  });
});

describe('removing a stage that holds deals', () => {
  it('is refused without moveDealsTo, and with it moves the deals in batches before the stage goes', async () => {
    const context = await workspace();
    const { deps, caller, pipeline, workspaceId } = context;
    const [first, second] = pipeline.stages;
    for (let at = 0; at < 30; at++)
      await createDeal(deps, caller, {
        name: `Held ${at}`,
        amount: '1.5',
        currency: 'EUR',
        stageId: second?.id,
        contactIds: [],
        tags: [],
      });
    const kept = pipeline.stages.filter((stage) => stage.id !== second?.id);
    await expect(
      updatePipeline(deps, caller, pipeline.id, { stages: kept }, pipeline.version),
    ).rejects.toMatchObject({
      code: 'pipeline.stage_not_empty',
      statusCode: 409,
    });
    const updated = await updatePipeline(
      deps,
      caller,
      pipeline.id,
      { stages: kept, moveDealsTo: { [second?.id as string]: first?.id as string } },
      pipeline.version,
    );
    expect(updated.stages.map((stage) => stage.id)).toEqual(kept.map((stage) => stage.id));
    const board = await readBoard(deps, workspaceId, pipeline.id, { limit: 100 });
    expect(board.columns[0]?.totals).toEqual({
      count: 30,
      sums: [{ currency: 'EUR', amount: '45.00', weighted: '4.50' }],
    });
    expect(board.columns[0]?.cards).toHaveLength(30);
    const record = await findPipeline(context.store, workspaceId, pipeline.id);
    expect(Object.keys(record?.counters ?? {}).filter((name) => name.includes(second?.id as string))).toEqual(
      [],
    );
    expect(record?.draining).toEqual({});
  }, 120_000);

  it('continues where a failed attempt stopped when the request is sent again', async () => {
    const context = await workspace();
    const { deps, caller, pipeline, workspaceId } = context;
    const [first, second] = pipeline.stages;
    for (let at = 0; at < 6; at++)
      await createDeal(deps, caller, {
        name: `Retry ${at}`,
        amount: '2',
        currency: 'EUR',
        stageId: second?.id,
        contactIds: [],
        tags: [],
      });
    const kept = pipeline.stages.filter((stage) => stage.id !== second?.id);
    const patch = { stages: kept, moveDealsTo: { [second?.id as string]: first?.id as string } };
    // the first attempt dies partway: from the fourth deal transaction sent on, every write fails
    let transactions = 0;
    const failing = {
      ...deps,
      store: {
        ...deps.store,
        client: {
          send: (command: object) => {
            if (command.constructor.name === 'TransactWriteCommand' && ++transactions > 3)
              return Promise.reject(new Error('the function died'));
            return deps.store.client.send(command as never);
          },
        } as unknown as typeof deps.store.client,
      },
    };
    await expect(updatePipeline(failing, caller, pipeline.id, patch, pipeline.version)).rejects.toThrow(
      'the function died',
    );
    const halfway = await readBoard(deps, workspaceId, pipeline.id, { limit: 100 });
    // a batch's moves run together and may conflict on the counters, and a retry is a fourth transaction:
    // so one to three deals moved before the crash (each whole), and the counters add up to the six deals
    const [moved, left] = halfway.columns.map((column) => column.totals.count);
    expect(moved).toBeGreaterThanOrEqual(1);
    expect(moved).toBeLessThanOrEqual(3);
    expect((moved ?? 0) + (left ?? 0)).toBe(6);
    const done = await updatePipeline(deps, caller, pipeline.id, patch, pipeline.version);
    expect(done.version).toBe(pipeline.version + 1);
    const board = await readBoard(deps, workspaceId, pipeline.id, { limit: 100 });
    expect(board.columns[0]?.totals.count).toBe(6);
    expect(board.columns.map((column) => column.stageId)).not.toContain(second?.id);
  }, 120_000);
});
