import fc from 'fast-check';
import { decodeTime, encodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { idPattern, isId, newId, ulidAt, ulidTime } from '../../shared/platform/ids';

/** shared/platform/ids.ts makes the ULIDs the `ulid` package made: held to the package here. */
describe('ids', () => {
  const maxTime = 2 ** 48 - 1;

  it('encode a time as the package does, and it reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxTime }), (time) => {
        expect(ulidTime(time)).toBe(encodeTime(time, 10));
        expect(decodeTime(ulidAt(time))).toBe(time);
      }),
    );
    expect(ulidTime(0)).toBe('0000000000');
    expect(ulidTime(maxTime)).toBe('7ZZZZZZZZZ');
  });

  it('refuse a time that is no ULID time', () => {
    for (const time of [-1, 1.5, Number.NaN, maxTime + 1]) expect(() => ulidTime(time)).toThrow(RangeError);
  });

  it('are valid ULIDs with random parts that differ', () => {
    const ids = Array.from({ length: 200 }, () => ulidAt(1_700_000_000_000));
    for (const id of ids) {
      expect(isValid(id)).toBe(true);
      expect(isId(id)).toBe(true);
      expect(id).toMatch(idPattern);
    }
    expect(new Set(ids).size).toBe(200);
    // every digit turns up in the random parts: no symbol of the alphabet is left out
    expect(new Set(ids.flatMap((id) => [...id.slice(10)])).size).toBe(32);
  });

  it('are monotonic: ids made in one millisecond, or for an earlier time, sort after the last one', () => {
    const first = newId(1_800_000_000_000);
    const same = newId(1_800_000_000_000);
    const earlier = newId(1_700_000_000_000);
    expect(first < same && same < earlier).toBe(true);
    expect(decodeTime(earlier)).toBe(1_800_000_000_000);
    const later = newId(1_800_000_000_001);
    expect(decodeTime(later)).toBe(1_800_000_000_001);
    expect(earlier < later).toBe(true);
  });

  it('carry when the random part ends in Z, and make an id for now from 0', () => {
    const ids = Array.from({ length: 3000 }, () => newId(1_900_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(decodeTime(newId(0))).toBeGreaterThan(0);
  });
});
