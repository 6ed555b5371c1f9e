import { describe, expect, it } from 'vitest';
import { Tag } from '../../shared/records/record-fields';
import { tagFilterOf, tagQueryOf } from '../../web/src/records/tag-filter';

describe('the tag filter of a list', () => {
  it('is no filter when empty', () => {
    expect(tagFilterOf('', Tag)).toEqual({ state: 'none' });
    expect(tagFilterOf('   ', undefined)).toEqual({ state: 'none' });
  });

  it('waits for the schema before sending a tag', () => {
    expect(tagFilterOf('vip', undefined)).toEqual({ state: 'checking' });
  });

  it('sends the tag as the API stores it: trimmed, lower case', () => {
    expect(tagFilterOf('  VIP ', Tag)).toEqual({ state: 'valid', tag: 'vip' });
  });

  it.each(['#vip', 'vip,lead', 'a#b'])('explains why %j is not a tag', (value) => {
    expect(tagFilterOf(value, Tag)).toEqual({
      state: 'invalid',
      message: 'Tags cannot contain # or commas.',
    });
  });

  it('explains a tag that is too long', () => {
    expect(tagFilterOf('x'.repeat(41), Tag)).toEqual({
      state: 'invalid',
      message: 'Keep tags to 40 characters.',
    });
  });

  it('sends the tag as typed when the schema could not load (the API still checks it)', () => {
    expect(tagFilterOf(' #VIP ', 'unavailable')).toEqual({ state: 'valid', tag: '#vip' });
  });
});

describe('tagQueryOf', () => {
  it('runs the list without a tag, or with a valid one', () => {
    expect(tagQueryOf({ state: 'none' })).toEqual({ tag: undefined, enabled: true });
    expect(tagQueryOf({ state: 'valid', tag: 'vip' })).toEqual({ tag: 'vip', enabled: true });
  });

  it('holds the list while checking, and never sends an invalid tag', () => {
    expect(tagQueryOf({ state: 'checking' })).toEqual({ tag: undefined, enabled: false });
    expect(tagQueryOf({ state: 'invalid', message: 'x' })).toEqual({ tag: undefined, enabled: false });
  });
});
