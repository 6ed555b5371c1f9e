import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../shared/records/apply-patch';

describe('applyPatch (merge-patch)', () => {
  const current = { firstName: 'Ann', jobTitle: 'Buyer', city: 'Leeds', tags: ['a'] };

  it('sets sent values, removes null and empty strings, keeps what is left out', () => {
    expect(applyPatch(current, { firstName: 'Anna', jobTitle: null, city: '' }, [])).toEqual({
      firstName: 'Anna',
      tags: ['a'],
    });
  });

  it('ignores undefined values', () => {
    expect(applyPatch(current, { firstName: undefined }, [])).toEqual(current);
  });

  it('leaves skipped fields to their own rules', () => {
    expect(applyPatch(current, { tags: null, customFields: { x: 1 } }, ['tags', 'customFields'])).toEqual(
      current,
    );
  });

  it('adds fields the record did not have', () => {
    expect(applyPatch({ firstName: 'Ann' }, { phone: '+442079460958' }, [])).toEqual({
      firstName: 'Ann',
      phone: '+442079460958',
    });
  });

  it('does not change the record it was given', () => {
    const before = structuredClone(current);
    applyPatch(current, { firstName: 'X', city: null }, []);
    expect(current).toEqual(before);
  });

  it('keeps false and 0, which are values', () => {
    expect(applyPatch({ a: 1 } as Record<string, unknown>, { b: false, c: 0 }, [])).toEqual({
      a: 1,
      b: false,
      c: 0,
    });
  });
});
