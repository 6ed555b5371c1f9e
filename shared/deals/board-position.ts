import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Where a card sits in its column: a fractional-index key (npm `fractional-indexing`), compared as text. A
 * drag computes a key between the two neighbours it was dropped between, so a move rewrites one item; a
 * card that names no position goes to the end of its column. Pure: unit-tested.
 */
export function positionBetween(before: string | undefined, after: string | undefined): string {
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
