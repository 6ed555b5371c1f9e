import { describe, expect, it } from 'vitest';
import {
  isUsablePosition,
  positionBetween,
  positionOfCardKey,
  positionsAfter,
} from '../../shared/deals/board-position';
import type { Deal } from '../../shared/deals/deal';
import { contactsOf, dealIndexKeys, historyEntryItem } from '../../shared/deals/deal-item';
import { counterDeltas, historyOf, patchedDeal, stageEntered } from '../../shared/deals/deal-rules';
import { dealEventsOf, planDealWrite } from '../../shared/deals/deal-writes';
import { dealsPersonalData } from '../../shared/deals/deals-personal-data';
import { added, negated, weighted, withDecimals } from '../../shared/deals/decimal';
import type { Pipeline } from '../../shared/deals/pipeline';
import { defaultPipelineId, type PipelineRecord } from '../../shared/deals/pipeline-store';
import { stageTotals } from '../../shared/deals/read-board';
import { planPipelinePatch } from '../../shared/deals/update-pipeline';
import { detachedItem } from '../../shared/privacy/personal-data';

const ws = 'acme-1';
const t0 = new Date('2026-12-01T09:00:00.000Z');
const t1 = new Date('2026-12-03T09:00:00.000Z');
const pipeline: Pipeline = {
  id: '01J9ZK3T5Q8W6N4M2P0R7S9PPP',
  version: 1,
  createdAt: t0.toISOString(),
  updatedAt: t0.toISOString(),
  name: 'Sales',
  stages: [
    { id: 'S1', name: 'Qualified', probability: 10 },
    { id: 'S2', name: 'Proposal', probability: 50 },
    { id: 'S3', name: 'Contract', probability: 90 },
  ],
  isDefault: true,
};
const deal: Deal = {
  id: '01J9ZK3T5Q8W6N4M2P0R7S9DDD',
  version: 3,
  createdAt: t0.toISOString(),
  updatedAt: t0.toISOString(),
  name: 'Espresso machines',
  amount: '1250.50',
  currency: 'EUR',
  expectedCloseDate: '2027-03-31',
  ownerId: 'member-1',
  primaryContactId: '01J9ZK3T5Q8W6N4M2P0R7S9CC1',
  contactIds: ['01J9ZK3T5Q8W6N4M2P0R7S9CC2'],
  companyId: '01J9ZK3T5Q8W6N4M2P0R7S9CO1',
  pipelineId: pipeline.id,
  stageId: 'S1',
  stageEnteredAt: t0.toISOString(),
  position: 'a0',
  status: 'open',
  tags: [],
  createdBy: 'member-1',
};
const context = { pipeline, endOfColumn: () => 'a5', by: 'member-2', now: t1 };

describe('exact decimals', () => {
  it('adds, negates and weights amounts without a float', () => {
    expect(added('0.1', '0.2')).toBe('0.3');
    expect(added('1250.50', '-1250.5')).toBe('0');
    expect(added('999999999999999.9999', '0.0001')).toBe('1000000000000000');
    expect(negated('12.5')).toBe('-12.5');
    expect(negated('-12.5')).toBe('12.5');
    expect(negated('0')).toBe('0');
    expect(weighted('1250.5', 50, 2)).toBe('625.25');
    expect(weighted('0.01', 25, 2)).toBe('0.0025');
    expect(weighted('1000', 25, 2)).toBe('250.00');
    expect(weighted('999', 33, 0)).toBe('329.67');
    expect(withDecimals('1250.5', 2)).toBe('1250.50');
    expect(withDecimals('7', 0)).toBe('7');
  });
});

describe('board positions', () => {
  it('places a card between its neighbours, or at the end of its column', () => {
    const first = positionBetween(undefined, undefined);
    const next = positionBetween(first, undefined);
    const between = positionBetween(first, next);
    expect([first, between, next].sort()).toEqual([first, between, next]);
    expect(positionsAfter(next, 3).every((key) => key > next)).toBe(true);
    expect(positionOfCardKey(`a0V#${deal.id}`)).toBe('a0V');
    expect(isUsablePosition('a0')).toBe(true);
    expect(isUsablePosition('zzzz')).toBe(false);
  });
});

describe("a deal's life", () => {
  it('moves to another stage: entered now, at the end of the column, a stage entry with the time spent', () => {
    const moved = patchedDeal(deal, { stageId: 'S2' }, context);
    expect(moved).toMatchObject({
      stageId: 'S2',
      stageEnteredAt: t1.toISOString(),
      position: 'a5',
      version: 4,
    });
    const history = historyOf(deal, moved, 'member-2', t1);
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'stage',
        fromStageId: 'S1',
        toStageId: 'S2',
        timeInStageMs: 2 * 24 * 3600_000,
        by: 'member-2',
      }),
    ]);
    expect(stageEntered(deal, moved)).toBe('S2');
    expect(stageEntered(deal, { ...deal, name: 'Renamed' })).toBeUndefined();
  });

  it('is lost with its reason, reopened into the stage it left, won', () => {
    const lost = patchedDeal(deal, { status: 'lost', lostReason: 'Price' }, context);
    expect(lost).toMatchObject({
      status: 'lost',
      lostReason: 'Price',
      closedAt: t1.toISOString(),
      stageId: 'S1',
    });
    expect(historyOf(deal, lost, 'm', t1)).toEqual([
      expect.objectContaining({
        kind: 'lost',
        fromStageId: 'S1',
        lostReason: 'Price',
        timeInStageMs: 172800000,
      }),
    ]);
    const reopened = patchedDeal(lost, { status: 'open' }, context);
    expect(reopened).toMatchObject({ status: 'open', stageId: 'S1', position: 'a5' });
    expect(reopened).not.toHaveProperty('closedAt');
    expect(reopened).not.toHaveProperty('lostReason');
    expect(historyOf(lost, reopened, 'm', t1).map((entry) => entry.kind)).toEqual(['reopened']);
    const won = patchedDeal(deal, { status: 'won' }, context);
    expect(historyOf(deal, won, 'm', t1).map((entry) => entry.kind)).toEqual(['won']);
  });

  it('refuses a stage that is not in the pipeline, and a move of a closed deal', () => {
    expect(() => patchedDeal(deal, { stageId: 'S9' }, context)).toThrow(
      expect.objectContaining({ code: 'deal.stage_not_in_pipeline' }),
    );
    const won = patchedDeal(deal, { status: 'won' }, context);
    expect(() => patchedDeal(won, { stageId: 'S2' }, context)).toThrow(
      expect.objectContaining({ code: 'deal.not_open' }),
    );
  });

  it('keeps amount and close-date changes in its history', () => {
    const changed = patchedDeal(deal, { amount: '99', currency: 'USD', expectedCloseDate: null }, context);
    expect(historyOf(deal, changed, 'm', t1)).toEqual([
      expect.objectContaining({ kind: 'amount', from: '1250.50 EUR', to: '99 USD' }),
      expect.objectContaining({ kind: 'closeDate', from: '2027-03-31' }),
    ]);
    expect(changed).not.toHaveProperty('expectedCloseDate');
  });

  it('names each contact once, the primary one first', () => {
    const patched = patchedDeal(
      deal,
      {
        primaryContactId: deal.contactIds[0],
        contactIds: [deal.contactIds[0] as string, deal.primaryContactId as string],
      },
      context,
    );
    expect(contactsOf(patched)).toEqual([deal.contactIds[0], deal.primaryContactId]);
    expect(patched.contactIds).toEqual([deal.primaryContactId]);
  });
});

describe('board counters', () => {
  it('move a deal’s count and sum from the column it leaves to the one it enters', () => {
    const moved = patchedDeal(deal, { stageId: 'S2' }, context);
    expect(counterDeltas(deal, moved)).toEqual(
      new Map([
        [
          pipeline.id,
          { 'count#S1': '-1', 'sum#S1#EUR': '-1250.50', 'count#S2': '1', 'sum#S2#EUR': '1250.50' },
        ],
      ]),
    );
  });

  it('net an amount change within a stage to its difference, and write nothing for a rename', () => {
    expect(counterDeltas(deal, { ...deal, amount: '1300' })).toEqual(
      new Map([[pipeline.id, { 'sum#S1#EUR': '49.5' }]]),
    );
    expect(counterDeltas(deal, { ...deal, name: 'Renamed' })).toEqual(new Map());
  });

  it('count a closed deal in its outcome, and take a deleted one off', () => {
    const won = patchedDeal(deal, { status: 'won' }, context);
    expect(counterDeltas(deal, won).get(pipeline.id)).toEqual({
      'count#S1': '-1',
      'sum#S1#EUR': '-1250.50',
      'count#WON': '1',
    });
    expect(counterDeltas(won, undefined).get(pipeline.id)).toEqual({ 'count#WON': '-1' });
    expect(counterDeltas(undefined, deal).get(pipeline.id)).toEqual({
      'count#S1': '1',
      'sum#S1#EUR': '1250.50',
    });
  });

  it('give a stage its count, sum and weighted sum per currency, from the exact counters', () => {
    const record: PipelineRecord = {
      pipeline,
      stageIds: ['S1', 'S2', 'S3'],
      draining: {},
      counters: { 'count#S2': '3', 'sum#S2#EUR': '1000.1', 'sum#S2#JPY': '1500', 'sum#S2#USD': '0' },
    };
    expect(stageTotals(record, pipeline.stages[1] as Pipeline['stages'][number])).toEqual({
      count: 3,
      sums: [
        { currency: 'EUR', amount: '1000.10', weighted: '500.05' },
        { currency: 'JPY', amount: '1500', weighted: '750' },
      ],
    });
    expect(stageTotals(record, pipeline.stages[0] as Pipeline['stages'][number])).toEqual({
      count: 0,
      sums: [],
    });
  });
});

describe("a deal's items and writes", () => {
  it('files an open deal as a card of its column and closed ones under their outcome', () => {
    expect(dealIndexKeys(ws, deal)).toMatchObject({
      gsi1pk: `WS#acme-1#PIPELINE#${pipeline.id}#STAGE#S1`,
      gsi1sk: `a0#${deal.id}`,
      gsi2pk: 'WS#acme-1#DEALS#OPEN',
      gsi2sk: `2027-03-31#${deal.id}`,
      gsi3pk: `WS#acme-1#COMPANY#${deal.companyId}#DEALS`,
      gsi5pk: 'WS#acme-1#MEMBER#member-1#DEALS',
    });
    const won = patchedDeal(deal, { status: 'won' }, context);
    expect(dealIndexKeys(ws, won)).toMatchObject({
      gsi1pk: `WS#acme-1#PIPELINE#${pipeline.id}#WON`,
      gsi1sk: `${t1.toISOString()}#${deal.id}`,
      gsi2pk: 'WS#acme-1#DEALS#WON',
    });
  });

  it('puts a history entry that leaves a stage on its pipeline’s stage exits', () => {
    const [entry] = historyOf(deal, patchedDeal(deal, { stageId: 'S2' }, context), 'm', t1);
    expect(historyEntryItem(ws, entry as never)).toMatchObject({
      gsi1pk: `WS#acme-1#PIPELINE#${pipeline.id}#STAGE_EXITS`,
      gsi1sk: `${t1.toISOString()}#${deal.id}`,
    });
    const [created] = historyOf(undefined, deal, 'm', t0);
    expect(historyEntryItem(ws, created as never)).not.toHaveProperty('gsi1pk');
  });

  it('emits deal.stage_changed for a move, deal.updated only for field changes', () => {
    const moved = patchedDeal(deal, { stageId: 'S2', name: 'Bigger' }, context);
    const events = dealEventsOf(deal, moved, historyOf(deal, moved, 'm', t1), 'm');
    expect(events.map((event) => event.detailType)).toEqual(['deal.updated', 'deal.stage_changed']);
    expect(events[0]?.data).toMatchObject({ changedFields: ['name'], contactId: deal.primaryContactId });
  });

  it('writes one transaction: the deal over its version, the counters with the stage check, links, open work, timeline, outbox', () => {
    const moved = patchedDeal(deal, { stageId: 'S2' }, context);
    const plan = planDealWrite('crm', ws, {
      before: deal,
      after: moved,
      actorId: 'm',
      now: t1,
      stageName: () => 'Proposal',
    });
    const kinds = plan.items.map((item) => Object.keys(item)[0]);
    expect(kinds[0]).toBe('Put');
    expect(plan.items[0]?.Put?.ConditionExpression).toContain('#version = :read');
    expect(plan.items[1]?.Update?.ConditionExpression).toBe(
      'attribute_exists(pk) AND contains(stageIds, :stage)',
    );
    expect(plan.items[1]?.Update?.UpdateExpression).toMatch(/^ADD /);
    // history, two links, two open-work entries, the timeline entry, the outbox
    expect(kinds.length).toBe(2 + 1 + 2 + 2 + 1 + 1);
    expect(plan.items.length).toBeLessThanOrEqual(100);
  });
});

describe('a pipeline change', () => {
  const record: PipelineRecord = {
    pipeline,
    stageIds: ['S1', 'S2', 'S3'],
    draining: {},
    counters: { 'count#S2': '2', 'sum#S2#EUR': '10' },
  };

  it('keeps, reorders and adds stages, and removes an empty one without more ado', () => {
    const plan = planPipelinePatch(
      record,
      {
        stages: [
          { id: 'S2', name: 'Proposal', probability: 60 },
          { id: 'S1', name: 'Qualified', probability: 10 },
          { name: 'New', probability: 95 },
        ],
      },
      t1,
    );
    expect(plan.next.stages.map((stage) => stage.name)).toEqual(['Proposal', 'Qualified', 'New']);
    expect(plan.removed).toEqual(['S3']);
    expect(plan.moves).toEqual({});
    expect(plan.next.version).toBe(2);
  });

  it('refuses to remove a stage holding open deals unless they have a stage to go to', () => {
    const stages = [{ id: 'S1', name: 'Qualified', probability: 10 }];
    expect(() => planPipelinePatch(record, { stages }, t1)).toThrow(
      expect.objectContaining({ code: 'pipeline.stage_not_empty', statusCode: 409 }),
    );
    expect(planPipelinePatch(record, { stages, moveDealsTo: { S2: 'S1' } }, t1).moves).toEqual({ S2: 'S1' });
    expect(() => planPipelinePatch(record, { stages, moveDealsTo: { S2: 'S3' } }, t1)).toThrow(
      expect.objectContaining({ statusCode: 400 }),
    );
    expect(() =>
      planPipelinePatch(record, { stages: [{ id: 'NOPE', name: 'x', probability: 1 }] }, t1),
    ).toThrow(expect.objectContaining({ statusCode: 400 }));
  });
});

describe('the default pipeline and erasure', () => {
  it('gives each workspace its own default pipeline id, the same every time, a valid id sorting first', () => {
    expect(defaultPipelineId('acme-1')).toBe(defaultPipelineId('acme-1'));
    expect(defaultPipelineId('acme-1')).not.toBe(defaultPipelineId('acme-2'));
    expect(defaultPipelineId('acme-1')).toMatch(/^0000000000[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('takes an erased contact out of a deal and leaves the rest', () => {
    const [declaration] = dealsPersonalData;
    const item = { ...deal, pk: 'x', sk: 'DEAL' };
    expect(detachedItem(item, declaration, deal.primaryContactId as string)).toEqual({
      ...item,
      primaryContactId: undefined,
      version: 4,
    } as never);
    expect(detachedItem(item, declaration, deal.contactIds[0] as string)).toMatchObject({
      primaryContactId: deal.primaryContactId,
      contactIds: [],
      version: 4,
    });
  });
});
