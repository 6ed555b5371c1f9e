/**
 * Record ids are ULIDs: unique, URL-safe and sorted by creation time, so lists page newest first. Made
 * here rather than by the `ulid` package, whose error tables, PRNG detection and decoders went into every
 * Lambda (2.3 KB, minified) for the twenty lines used; `ids.unit.test.ts` holds these to the package.
 */

/** Crockford's base 32, the ULID alphabet: digits and upper-case letters without I, L, O and U. */
export const ulidDigits = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The 10 digits of a ULID's time: milliseconds since 1970, up to 2^48 - 1. */
export function ulidTime(time: number): string {
  if (!Number.isInteger(time) || time < 0 || time > 2 ** 48 - 1) {
    throw new RangeError(`not a ULID time: ${time}`);
  }
  let digits = '';
  for (let left = time, at = 0; at < 10; at++, left = Math.floor(left / 32)) {
    digits = ulidDigits[left % 32] + digits;
  }
  return digits;
}

/** 16 random digits: each from one random byte (256 is a multiple of 32, so each digit is as likely). */
function randomPart(): string {
  let digits = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(16))) digits += ulidDigits[byte % 32];
  return digits;
}

/** A ULID at `time` with a fresh random part (not monotonic: ids made for past times sort there). */
export function ulidAt(time: number): string {
  return ulidTime(time) + randomPart();
}

/** The random part plus one (base 32, carrying), so an id made in the same millisecond sorts after. */
function incremented(random: string): string {
  const at = random.length - 1;
  if (at < 0) throw new Error('ULID random part exhausted within one millisecond');
  const digit = ulidDigits.indexOf(random[at] as string);
  return digit === 31 ? `${incremented(random.slice(0, at))}0` : random.slice(0, at) + ulidDigits[digit + 1];
}

let lastTime = -1;
let lastRandom = '';

/**
 * A new id, monotonic within this process: at a time not after the last id's, the last id's time with
 * its random part plus one, so ids made in one millisecond still sort in the order they were made.
 */
export function newId(time: number = Date.now()): string {
  // like the package, 0 or NaN means now
  const now = time || Date.now();
  if (now <= lastTime) {
    lastRandom = incremented(lastRandom);
    return ulidTime(lastTime) + lastRandom;
  }
  lastTime = now;
  lastRandom = randomPart();
  return ulidTime(now) + lastRandom;
}

export const idPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: string): boolean {
  return idPattern.test(value);
}
