import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idOfNewestFirst, newestFirstId } from '../../shared/activities/newest-first-id';
import { newId } from '../../shared/platform/ids';

describe('newest-first ids', () => {
  it('orders later ids first in ascending order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 1, max: 2 ** 20 }), (at, later) => {
        const older = newId(at);
        const newer = newId(at + later);
        expect(newestFirstId(newer) < newestFirstId(older)).toBe(true);
      }),
    );
  });

  it('turns back into the id', () => {
    const id = newId();
    expect(idOfNewestFirst(newestFirstId(id))).toBe(id);
    expect(newestFirstId('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe('ZYN70WAJHC564V77GG8SPFTGN4');
  });

  it('refuses what is not a ULID', () => {
    expect(() => newestFirstId('not-an-id')).toThrow();
  });
});
