import { generateKeyBetween } from 'fractional-indexing';

/** A card as the board orders it: by `position`, a fractional-index key compared as text. */
export interface Positioned {
  id: string;
  position: string;
}

/**
 * A position strictly between two neighbours (either may be missing: the start or end of the column), so a
 * move rewrites only the moved deal. Neighbours that do not ascend (two cards added at once got the same
 * position; the board orders those by id) give a position right after the one before.
 */
export function positionBetween(before: string | undefined, after: string | undefined): string {
  if (before !== undefined && after !== undefined && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before ?? null, after ?? null);
}

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
