import { describe, expect, it } from 'vitest';
import { countryName, countryOptions, matchingCountries } from '../../web/src/ui/country-names';

describe('country names', () => {
  it('names a code in the given language, and shows a code it cannot name as itself', () => {
    expect(countryName('DE', ['en'])).toBe('Germany');
    expect(countryName('DE', ['de-DE'])).toBe('Deutschland');
    expect(countryName('GE', ['en'])).toBe('Georgia');
    expect(countryName('XX', ['en'])).toBe('XX');
    expect(countryName('not a code', ['en'])).toBe('not a code');
    expect(countryName(undefined, ['en'])).toBe('');
  });

  it('offers every assigned country once, by name in the language, plus a stored code it does not know', () => {
    const options = countryOptions(['en']);
    expect(options).toHaveLength(249);
    expect(options.find((option) => option.value === 'DE')?.label).toBe('Germany');
    expect(options[0]).toEqual({ value: 'AF', label: 'Afghanistan' });
    const german = countryOptions(['de']).map((option) => option.label);
    expect(german.indexOf('Österreich')).toBeLessThan(german.indexOf('Polen'));
    expect(countryOptions(['en'], 'XX')).toContainEqual({ value: 'XX', label: 'XX' });
    expect(countryOptions(['en'], 'GB')).toHaveLength(249);
  });
});

describe('searching countries', () => {
  const english = countryOptions(['en']);
  const codesFound = (search: string, options = english) =>
    matchingCountries(options, search).map((option) => option.value);

  it('finds Germany by its name, never Georgia', () => {
    expect(codesFound('Germany')).toEqual(['DE']);
    expect(codesFound('germ')).toEqual(['DE']);
    expect(codesFound('Germany')).not.toContain('GE');
  });

  it('puts the exact code first, then names that start with the search, then any word that does', () => {
    const found = codesFound('de');
    expect(found[0]).toBe('DE');
    expect(found).toContain('DK');
    expect(codesFound('kingdom')).toEqual(['GB']);
  });

  it('ignores case and accents', () => {
    expect(codesFound('osterreich', countryOptions(['de']))).toEqual(['AT']);
    expect(codesFound('COTE')).toContain('CI');
  });

  it('finds nothing for a name that is no country, and everything for an empty search', () => {
    expect(codesFound('Atlantis')).toEqual([]);
    expect(codesFound('  ')).toHaveLength(249);
  });
});
