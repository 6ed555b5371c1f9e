import { describe, expect, it } from 'vitest';
import { positionAt } from '../../shared/deals/board-position';
import type { Board, BoardColumn, Deal, DealHistoryEntry } from '../../shared/deals/deal';
import { ApiError } from '../../web/src/api/api-error';
import {
  addCard,
  appendPage,
  columnDropId,
  dropTarget,
  findCard,
  moveCard,
  replaceCard,
  shareCards,
} from '../../web/src/deals/board-state';
import { describeHistoryEntry, timeInStages } from '../../web/src/deals/deal-history';
import { moveRefusal } from '../../web/src/deals/deal-queries';
import { addDecimal, subtractDecimal, weightedDecimal } from '../../web/src/deals/decimal-money';
import { formatMoney, formatTotals } from '../../web/src/deals/money-format';

const deal = (id: string, stageId: string, position: string, amount = '100.00', currency = 'EUR'): Deal => ({
  id,
  version: 1,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  name: `Deal ${id}`,
  amount,
  currency,
  ownerId: 'm1',
  contactIds: [],
  pipelineId: 'p1',
  stageId,
  stageEnteredAt: '2026-12-01T00:00:00.000Z',
  position,
  status: 'open',
  tags: [],
  createdBy: 'm1',
});

function column(stageId: string, probability: number, cards: Deal[], nextCursor?: string): BoardColumn {
  return {
    stageId,
    name: stageId,
    probability,
    cards,
    nextCursor,
    totals: { count: cards.length, sums: [] },
  };
}

function boardOf(): Board {
  const a = column('s1', 10, [deal('d1', 's1', 'a0', '0.10'), deal('d2', 's1', 'a1', '0.20')]);
  a.totals = { count: 2, sums: [{ currency: 'EUR', amount: '0.3', weighted: '0.03' }] };
  const b = column('s2', 50, [deal('d3', 's2', 'a0', '1000.05')]);
  b.totals = { count: 1, sums: [{ currency: 'EUR', amount: '1000.05', weighted: '500.025' }] };
  return {
    pipeline: {
      id: 'p1',
      version: 1,
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      name: 'Sales',
      isDefault: true,
      stages: [
        { id: 's1', name: 's1', probability: 10 },
        { id: 's2', name: 's2', probability: 50 },
      ],
    },
    columns: [a, b],
  };
}

describe('exact decimals for the board totals', () => {
  it('adds and subtracts amounts without float error', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal('999999999999999.9999', '0.0001')).toBe('1000000000000000');
    expect(subtractDecimal('0.3', '0.1')).toBe('0.2');
    expect(subtractDecimal('1', '1.50')).toBe('-0.5');
  });

  it('weights a sum by a whole percent exactly', () => {
    expect(weightedDecimal('1000.05', 50)).toBe('500.025');
    expect(weightedDecimal('0.3', 10)).toBe('0.03');
    expect(weightedDecimal('123', 0)).toBe('0');
  });
});

describe('money formatting', () => {
  it('formats the decimal string itself, per currency', () => {
    const euros = formatMoney('1234567890123.45', 'EUR');
    expect(euros.replace(/[^0-9]/g, '')).toBe('123456789012345');
    expect(formatMoney('12', 'JPY').replace(/[^0-9]/g, '')).toBe('12');
    expect(formatTotals([])).toBe('—');
    expect(
      formatTotals([
        { currency: 'EUR', amount: '1' },
        { currency: 'USD', amount: '2' },
      ]),
    ).toContain(' · ');
  });
});

describe('the board kept in the browser', () => {
  it('moves a card to another column: counts, sums and weighted sums follow exactly', () => {
    const board = boardOf();
    const target = board.columns[1]?.cards ?? [];
    const moved = moveCard(board, 'd1', 's2', positionAt(target, 0, 'd1'));
    const [from, to] = moved.columns;
    expect(from?.cards.map((card) => card.id)).toEqual(['d2']);
    expect(from?.totals).toEqual({ count: 1, sums: [{ currency: 'EUR', amount: '0.2', weighted: '0.02' }] });
    expect(to?.cards.map((card) => card.id)).toEqual(['d1', 'd3']);
    expect(to?.totals).toEqual({
      count: 2,
      sums: [{ currency: 'EUR', amount: '1000.15', weighted: '500.075' }],
    });
    expect(findCard(moved, 'd1')?.stageId).toBe('s2');
  });

  it('reorders within a column without touching its totals or the other column', () => {
    const board = boardOf();
    const moved = moveCard(board, 'd1', 's1', positionAt(board.columns[0]?.cards ?? [], 1, 'd1'));
    expect(moved.columns[0]?.cards.map((card) => card.id)).toEqual(['d2', 'd1']);
    expect(moved.columns[0]?.totals).toBe(board.columns[0]?.totals);
    // unchanged columns and cards keep their identity: memoised cards do not render again
    expect(moved.columns[1]).toBe(board.columns[1]);
    expect(moved.columns[0]?.cards[0]).toBe(board.columns[0]?.cards[1]);
  });

  it('adds a new currency to a column and drops a sum that fell to zero', () => {
    const board = boardOf();
    const withDollars = addCard(board, deal('d9', 's1', 'Zz', '5', 'USD'));
    expect(withDollars.columns[0]?.totals.sums).toContainEqual({
      currency: 'USD',
      amount: '5',
      weighted: '0.5',
    });
    const moved = moveCard(board, 'd3', 's1', 'a2');
    expect(moved.columns[1]?.totals).toEqual({ count: 0, sums: [] });
  });

  it('replaces a card by the API answer, appends a page without doubling a card', () => {
    const board = boardOf();
    const newer = { ...deal('d2', 's1', 'a1', '0.20'), version: 2 };
    expect(findCard(replaceCard(board, newer), 'd2')?.version).toBe(2);
    const paged = appendPage(board, column('s1', 10, [deal('d2', 's1', 'a1'), deal('d4', 's1', 'a2')]));
    expect(paged.columns[0]?.cards.map((card) => card.id)).toEqual(['d1', 'd2', 'd4']);
    expect(paged.columns[0]?.nextCursor).toBeUndefined();
  });

  it('shares unchanged cards by id across boards, wherever they moved (structural sharing)', () => {
    const board = boardOf();
    const refetched = JSON.parse(JSON.stringify(moveCard(board, 'd2', 's1', 'a5'))) as Board;
    const shared = shareCards(board, refetched) as Board;
    expect(shared.pipeline).toBe(board.pipeline);
    expect(findCard(shared, 'd1')).toBe(findCard(board, 'd1'));
    expect(findCard(shared, 'd3')).toBe(findCard(board, 'd3'));
    // the moved card is a new object (its position changed), at its new place
    expect(findCard(shared, 'd2')).not.toBe(findCard(board, 'd2'));
    expect(shared.columns[0]?.cards.map((card) => card.id)).toEqual(['d1', 'd2']);
    expect(shareCards(undefined, refetched)).toBe(refetched);
  });

  it('finds where a drag drops: on a card, its place; on a column, its end', () => {
    const board = boardOf();
    expect(dropTarget(board, 'd2')).toEqual({ stageId: 's1', index: 1 });
    expect(dropTarget(board, columnDropId('s2'))).toEqual({ stageId: 's2', index: 1 });
    expect(dropTarget(board, 'nothing')).toBeUndefined();
    // a move to a stage the board does not show changes nothing
    expect(moveCard(board, 'd1', 'gone', 'a5')).toBe(board);
  });
});

describe('time in each stage from the history', () => {
  const stages = [
    { id: 's1', name: 'Qualified', probability: 10 },
    { id: 's2', name: 'Proposal', probability: 50 },
  ];
  const entry = (kind: DealHistoryEntry['kind'], extra: Partial<DealHistoryEntry>): DealHistoryEntry => ({
    id: `h-${kind}-${extra.at ?? ''}`,
    dealId: 'd1',
    kind,
    at: extra.at ?? '2026-12-01T00:00:00.000Z',
    by: 'm1',
    pipelineId: 'p1',
    ...extra,
  });
  const history = [
    entry('created', { toStageId: 's1' }),
    entry('stage', { fromStageId: 's1', toStageId: 's2', timeInStageMs: 3_600_000 }),
    entry('stage', { fromStageId: 's2', toStageId: 's1', timeInStageMs: 60_000 }),
    entry('stage', { fromStageId: 's1', toStageId: 'gone', timeInStageMs: 1_000 }),
    entry('stage', { fromStageId: 'gone', toStageId: 's2', timeInStageMs: 5 }),
  ];

  it('sums the exits per stage and adds the running time of the current stage', () => {
    const deal = { status: 'open' as const, stageId: 's2', stageEnteredAt: '2026-12-02T00:00:00.000Z' };
    const now = Date.parse('2026-12-02T00:00:10.000Z');
    expect(timeInStages(deal, history, stages, now)).toEqual([
      { stageId: 's1', name: 'Qualified', ms: 3_601_000, current: false },
      { stageId: 's2', name: 'Proposal', ms: 60_000 + 10_000, current: true },
      { stageId: 'gone', name: 'A removed stage', ms: 5, current: false },
    ]);
  });

  it('stops the clock once the deal is closed, and says what each entry did', () => {
    const deal = { status: 'won' as const, stageId: 's2', stageEnteredAt: '2026-12-02T00:00:00.000Z' };
    const won = [...history, entry('won', { fromStageId: 's2', timeInStageMs: 7 })];
    expect(timeInStages(deal, won, stages, Date.now()).find((row) => row.stageId === 's2')?.ms).toBe(60_007);
    expect(describeHistoryEntry(history[1] as DealHistoryEntry, stages)).toBe(
      'Moved from Qualified to Proposal',
    );
    expect(describeHistoryEntry(entry('lost', { fromStageId: 's1', lostReason: 'Price' }), stages)).toBe(
      'Lost (from Qualified): Price',
    );
  });
});

describe('why a move was refused', () => {
  it('says a stale version, a removed deal or stage, or the API message, in words', () => {
    expect(moveRefusal(new ApiError(409, 'task.version_conflict'))).toMatch(
      /Someone changed this deal meanwhile/,
    );
    expect(moveRefusal(new ApiError(412, 'server.internal'))).toMatch(/Someone changed this deal meanwhile/);
    expect(moveRefusal(new ApiError(404, 'route.not_found'))).toMatch(/no longer exists/);
    expect(moveRefusal(new ApiError(400, 'request.precondition_required'))).toBe(
      new ApiError(400, 'request.precondition_required').message,
    );
    expect(moveRefusal(new Error('boom'))).toBe(new ApiError(500, 'server.internal').message);
  });
});
