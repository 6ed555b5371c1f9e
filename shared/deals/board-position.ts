import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Where a card sits in its column: a fractional-index key (npm `fractional-indexing`), compared as text. A
 * drag computes a key between the two neighbours it was dropped between, so a move rewrites one item; a
 * card that names no position goes to the end of its column. Pure: unit-tested.
 */

/** A card as the board orders it: by `position`, then id. */
export interface Positioned {
  id: string;
  position: string;
}

/**
 * A position strictly between two neighbours (either may be missing: the start or end of the column).
 * Neighbours that do not ascend (two cards added at once got the same position; the board orders those by
 * id) give a position right after the one before.
 */
export function positionBetween(before: string | undefined, after: string | undefined): string {
  if (before !== undefined && after !== undefined && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before ?? null, after ?? null);
}

/** `count` keys after `last` (the end of a column), in order: where a batch of moved cards goes. */
export function positionsAfter(last: string | undefined, count: number): string[] {
  return generateNKeysBetween(last ?? null, null, count);
}

/** Whether a key is one the library can later place a card before or after (a client may send any text). */
export function isUsablePosition(position: string): boolean {
  try {
    generateKeyBetween(position, null);
    generateKeyBetween(null, position);
    return true;
  } catch {
    return false;
  }
}

/** The position part of a board card's sort key `<position>#<dealId>`. */
export const positionOfCardKey = (sortKey: string): string => sortKey.slice(0, sortKey.lastIndexOf('#'));

/**
 * Where a card dropped at `index` of a column lands: between the cards around that place once the moved
 * card is taken out of the column (a move within its own column, or a card from another one).
 */
export function positionAt(column: readonly Positioned[], index: number, movingId: string): string {
  const others = column.filter((card) => card.id !== movingId);
  const at = Math.max(0, Math.min(index, others.length));
  return positionBetween(others[at - 1]?.position, others[at]?.position);
}

/** A new card at the top of a column (quick add). */
export const topPosition = (column: readonly Positioned[]): string =>
  positionBetween(undefined, column[0]?.position);
