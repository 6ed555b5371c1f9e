import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of the exact bytes received, never of re-serialised JSON. */
export function hmacSha256(secret: string, message: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(message).digest();
}

/**
 * Compares two digests in constant time. Different lengths are refused without an early return on the
 * content: the expected digest is compared with itself so that both paths cost one comparison.
 */
export function digestsEqual(given: Buffer, expected: Buffer): boolean {
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}

/** Strict base64 (the providers' header form): anything else decodes to nothing, so it never matches. */
export function decodeBase64Header(value: string | undefined): Buffer {
  const text = value?.trim() ?? '';
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0
    ? Buffer.from(text, 'base64')
    : Buffer.alloc(0);
}

export function decodeHexHeader(value: string | undefined): Buffer {
  const text = value?.trim() ?? '';
  return /^(?:[0-9a-fA-F]{2})+$/.test(text) ? Buffer.from(text, 'hex') : Buffer.alloc(0);
}

/** True when `given` is the HMAC of `message` under any of the secrets (old and new during a rotation). */
export function matchesAnySecret(
  given: Buffer,
  message: Buffer | string,
  secrets: readonly string[],
): boolean {
  let matched = false;
  // every secret is tried, so the time taken does not say which one matched
  for (const secret of secrets) if (digestsEqual(given, hmacSha256(secret, message))) matched = true;
  return matched;
}
