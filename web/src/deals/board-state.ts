import type { Board, BoardColumn, Deal } from '../../../shared/deals/deal';
import type { StageTotals } from '../../../shared/deals/pipeline';
import { addDecimal, isZeroDecimal, subtractDecimal, weightedDecimal } from './decimal-money';

/**
 * The board as the browser keeps it between reads: the API's board, plus the pages a column loaded since,
 * changed in place by moves (optimistically) and quick adds. Pure functions: each returns a new board that
 * shares every column and card it did not change, so memoised cards do not render again.
 */

/** How the API orders a column: by position, then id (two cards may share a position). */
const orderKey = (card: Pick<Deal, 'position' | 'id'>) => `${card.position}#${card.id}`;

export function findCard(board: Board | undefined, dealId: string): Deal | undefined {
  for (const column of board?.columns ?? []) {
    const card = column.cards.find((candidate) => candidate.id === dealId);
    if (card) return card;
  }
  return undefined;
}

function withTotal(
  totals: StageTotals,
  probability: number,
  deal: Pick<Deal, 'amount' | 'currency'>,
  sign: 1 | -1,
): StageTotals {
  const sums = [...totals.sums];
  const at = sums.findIndex((sum) => sum.currency === deal.currency);
  const before = at >= 0 ? (sums[at]?.amount ?? '0') : '0';
  const amount = sign === 1 ? addDecimal(before, deal.amount) : subtractDecimal(before, deal.amount);
  const next = { currency: deal.currency, amount, weighted: weightedDecimal(amount, probability) };
  if (at >= 0) sums.splice(at, 1, next);
  else sums.push(next);
  return {
    count: Math.max(0, totals.count + sign),
    sums: sums.filter((sum) => !isZeroDecimal(sum.amount)),
  };
}

/** The column with the card in its place by position (a column only holds the pages loaded so far). */
function withCard(column: BoardColumn, card: Deal): BoardColumn {
  const cards = column.cards.filter((candidate) => candidate.id !== card.id);
  const at = cards.findIndex((candidate) => orderKey(candidate) > orderKey(card));
  cards.splice(at < 0 ? cards.length : at, 0, card);
  return { ...column, cards };
}

/**
 * The board after a card moved to a stage and position (within its column or to another): it leaves its
 * column's count and sum and joins the other's; the weighted sums follow each stage's probability.
 */
export function moveCard(board: Board, dealId: string, toStageId: string, position: string): Board {
  const card = findCard(board, dealId);
  if (!card || !board.columns.some((column) => column.stageId === toStageId)) return board;
  const moved: Deal = { ...card, stageId: toStageId, position };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stageId === card.stageId && column.stageId === toStageId) return withCard(column, moved);
      if (column.stageId === card.stageId)
        return {
          ...column,
          cards: column.cards.filter((candidate) => candidate.id !== dealId),
          totals: withTotal(column.totals, column.probability, card, -1),
        };
      if (column.stageId === toStageId)
        return { ...withCard(column, moved), totals: withTotal(column.totals, column.probability, card, 1) };
      return column;
    }),
  };
}

/** The board with a card replaced by the API's answer (its new version), where the card is. */
export function replaceCard(board: Board, deal: Deal): Board {
  return {
    ...board,
    columns: board.columns.map((column) =>
      column.cards.some((card) => card.id === deal.id)
        ? { ...column, cards: column.cards.map((card) => (card.id === deal.id ? deal : card)) }
        : column,
    ),
  };
}

/** A new deal in its column (quick add), counted in the column's totals. */
export function addCard(board: Board, deal: Deal): Board {
  return {
    ...board,
    columns: board.columns.map((column) =>
      column.stageId === deal.stageId && !column.cards.some((card) => card.id === deal.id)
        ? { ...withCard(column, deal), totals: withTotal(column.totals, column.probability, deal, 1) }
        : column,
    ),
  };
}

/** A column's next page appended ("Load more"); a card already shown (moved in meanwhile) is not doubled. */
export function appendPage(board: Board, page: BoardColumn): Board {
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stageId !== page.stageId) return column;
      const shown = new Set(column.cards.map((card) => card.id));
      return {
        ...column,
        cards: [...column.cards, ...page.cards.filter((card) => !shown.has(card.id))],
        nextCursor: page.nextCursor,
      };
    }),
  };
}

/** The droppable id of a column (cards are droppable by their deal id). */
export const columnDropId = (stageId: string) => `stage:${stageId}`;

/**
 * Where a drag over `overId` drops: onto a card, at that card's place in its column; onto a column (its empty
 * space), at its end. Undefined over nothing known.
 */
export function dropTarget(board: Board, overId: string): { stageId: string; index: number } | undefined {
  for (const column of board.columns) {
    if (overId === columnDropId(column.stageId))
      return { stageId: column.stageId, index: column.cards.length };
    const index = column.cards.findIndex((card) => card.id === overId);
    if (index >= 0) return { stageId: column.stageId, index };
  }
  return undefined;
}

/**
 * The board's structural sharing, by card id instead of by place: a new board (a move, a page, a refetch)
 * keeps the previous object of every card that did not change, wherever it now sits. TanStack Query's
 * default compares by array index, so a card inserted at the top of a column would give every card below
 * it a new object, and every one of them would render again.
 */
export function shareCards(previous: unknown, next: unknown): unknown {
  const before = previous as Board | undefined;
  const after = next as Board | undefined;
  if (!before?.columns || !after?.columns) return next;
  const known = new Map<string, { card: Deal; text: string }>();
  for (const column of before.columns)
    for (const card of column.cards) known.set(card.id, { card, text: JSON.stringify(card) });
  return {
    ...after,
    pipeline:
      JSON.stringify(after.pipeline) === JSON.stringify(before.pipeline) ? before.pipeline : after.pipeline,
    columns: after.columns.map((column) => ({
      ...column,
      cards: column.cards.map((card) => {
        const same = known.get(card.id);
        return same && (same.card === card || same.text === JSON.stringify(card)) ? same.card : card;
      }),
    })),
  };
}
