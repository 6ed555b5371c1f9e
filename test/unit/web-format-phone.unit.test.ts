import metadata from 'libphonenumber-js/min/metadata';
import { describe, expect, it } from 'vitest';
import { formatPhone, homeRegionOf } from '../../web/src/ui/format-phone';

describe('formatPhone', () => {
  it("shows a number of the workspace's country in national format", () => {
    expect(formatPhone('+491712345678', 'DE', metadata)).toBe('0171 2345678');
    expect(formatPhone('+442079460958', 'GB', metadata)).toBe('020 7946 0958');
    expect(formatPhone('+12025550123', 'US', metadata)).toBe('(202) 555-0123');
  });

  it('shows a number of another country, or with no home country, in international format', () => {
    expect(formatPhone('+491712345678', 'GB', metadata)).toBe('+49 171 2345678');
    expect(formatPhone('+442079460958', undefined, metadata)).toBe('+44 20 7946 0958');
    // +1 is shared: a Canadian number is not national for a US workspace
    expect(formatPhone('+14165550123', 'US', metadata)).toBe('+1 416 555 0123');
    // non-geographic numbers have no country
    expect(formatPhone('+80012345678', 'DE', metadata)).toBe('+800 1234 5678');
  });

  it('shows what it cannot read as stored', () => {
    expect(formatPhone('not a phone', 'DE', metadata)).toBe('not a phone');
    expect(formatPhone('', 'DE', metadata)).toBe('');
  });
});

describe('homeRegionOf', () => {
  it("is the browser language's region, completed when the language names none", () => {
    expect(homeRegionOf('de-DE')).toBe('DE');
    expect(homeRegionOf('en-GB')).toBe('GB');
    expect(homeRegionOf('de')).toBe('DE');
    expect(homeRegionOf('en')).toBe('US');
  });

  it('is undefined for no language or one Intl cannot read', () => {
    expect(homeRegionOf(undefined)).toBeUndefined();
    expect(homeRegionOf('not a language tag!')).toBeUndefined();
  });
});
