import { createHash } from 'node:crypto';

/**
 * The key a suppression is kept under: SHA-256 (hex) of the trimmed, lower-cased address. It outlives the
 * person's erasure, so an erased address is never mailed again and is not kept in the clear (decision 170).
 */
export function addressHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
