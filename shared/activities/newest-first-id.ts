import { ulidDigits } from '../platform/ids';

/**
 * A ULID turned around so that ascending order is newest first: each Crockford base-32 digit d becomes
 * 31 - d. A contact's partition lists its timeline after the contact item in ascending order (decision
 * 150), so the overview reads the contact, its open work and its newest entries in one Query.
 */
export function newestFirstId(id: string): string {
  let turned = '';
  for (const char of id) {
    const at = ulidDigits.indexOf(char);
    if (at < 0) throw new Error(`not a ULID: ${id}`);
    turned += ulidDigits[31 - at];
  }
  return turned;
}

/** The inverse is the same turn: applying it twice gives the id back. */
export const idOfNewestFirst = newestFirstId;
