import { describe, expect, it } from 'vitest';
import { searchableText } from '../../shared/platform/text';

describe('searchableText', () => {
  it.each([
    ['Zoë  Ünal', 'zoe unal'],
    ['ÉLODIE', 'elodie'],
    ['Çağrı', 'cagrı'],
    ['Ａｃｍｅ', 'acme'],
    ['e\u0301', 'e'],
    ['  Ann\t\nLee  ', 'ann lee'],
    ['Acme #1', 'acme 1'],
    ['a##b', 'a b'],
    ['#', ''],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(searchableText(text)).toBe(expected);
  });

  it('never leaves the # separator of the name index in the text', () => {
    for (const text of ['#zoe', 'zo#e', 'zoe#', '＃zoe']) expect(searchableText(text)).not.toContain('#');
  });

  it('makes a query prefix match the stored name the same way', () => {
    expect(searchableText('Zoë Ünal').startsWith(searchableText('ZOE ü'))).toBe(true);
  });
});
