import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import parsePhoneNumber, { type MetadataJson } from 'libphonenumber-js/core';
import { describe, expect, it } from 'vitest';
import { toE164 } from '../../shared/contacts/international-phone-number';
import { phoneMetadata } from '../../shared/contacts/phone-metadata';

const require = createRequire(import.meta.url);
const packageMetadata = JSON.parse(
  readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8'),
) as MetadataJson;
const mobileExamples = JSON.parse(
  readFileSync(require.resolve('libphonenumber-js/examples.mobile.json'), 'utf8'),
) as Record<string, string>;

/** What the library answers: E.164 when it reads a valid number, else undefined. */
function libraryE164(text: string): string | undefined {
  const parsed = parsePhoneNumber(text, packageMetadata);
  return parsed?.isValid() ? parsed.number : undefined;
}

const callingCodeOf = (country: string) =>
  (packageMetadata.countries as Record<string, [string]>)[country]?.[0];
/** "+49 1512 3456789" for every country libphonenumber has an example mobile number of. */
const examples = Object.entries(mobileExamples).map(
  ([country, national]) => `+${callingCodeOf(country)} ${national}`,
);
const digit = fc.constantFrom(...'0123456789');
const separator = fc.constantFrom('', ' ', '-', '.', ' (0) ', '(', ')', '/', '\u2013');

/** An example with digits changed, added or dropped, a national prefix after the calling code, and separators. */
const nearlyExample = fc
  .record({
    example: fc.constantFrom(...examples),
    changes: fc.array(
      fc.record({ at: fc.nat(20), digit, kind: fc.constantFrom('replace', 'insert', 'delete') }),
      {
        maxLength: 3,
      },
    ),
    nationalPrefix: fc.constantFrom('', '0', '1', '8', '00'),
    separators: fc.array(fc.record({ at: fc.nat(20), separator }), { maxLength: 4 }),
  })
  .map(({ example, changes, nationalPrefix, separators }) => {
    const [callingCode, ...rest] = example.slice(1).split(' ');
    let national = rest.join('');
    for (const { at, digit: d, kind } of changes) {
      const i = at % (national.length + 1);
      if (kind === 'insert') national = national.slice(0, i) + d + national.slice(i);
      else if (kind === 'delete') national = national.slice(0, i) + national.slice(i + 1);
      else national = national.slice(0, i) + d + national.slice(i + 1);
    }
    national = nationalPrefix + national;
    for (const { at, separator: s } of separators) {
      const i = at % (national.length + 1);
      national = national.slice(0, i) + s + national.slice(i);
    }
    return `+${callingCode} ${national}`;
  });
const anyDigits = fc.array(digit, { minLength: 1, maxLength: 18 }).map((digits) => `+${digits.join('')}`);

describe('toE164 reads phone numbers as libphonenumber-js does', () => {
  it('takes every example number libphonenumber has, written with spaces and without', () => {
    expect(examples.length).toBeGreaterThan(200);
    for (const example of examples) {
      expect(toE164(example, packageMetadata), example).toBe(libraryE164(example));
      expect(toE164(example.replaceAll(' ', ''), packageMetadata)).toBe(libraryE164(example));
      expect(toE164(example, packageMetadata)).toMatch(/^\+[1-9]\d{4,16}$/);
    }
  });

  it('agrees with the library on numbers near the examples and on any digits, with both metadata files', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyExample, anyDigits), (text) => {
        const expected = libraryE164(text);
        expect(toE164(text, packageMetadata)).toBe(expected);
        expect(toE164(text, phoneMetadata())).toBe(expected);
      }),
      { numRuns: 20_000, seed: 120 },
    );
    // about a second alone; far more on a machine busy with the rest of the suite
  }, 60_000);

  it('drops a national prefix typed after the calling code, as the library does', () => {
    expect(toE164('+44 (0)20 7946 0958', packageMetadata)).toBe('+442079460958');
    expect(toE164('+49 (0) 30 901820', packageMetadata)).toBe('+4930901820');
    expect(toE164('＋４４ ２０ ７９４６ ０９５８', packageMetadata)).toBe('+442079460958');
  });

  it('refuses what is not a plain international number, where the library would guess', () => {
    for (const text of [
      '020 7946 0958',
      '+1 415 555 2671 ext. 12',
      '+1 800 FLOWERS',
      'tel:+1-415-555-2671',
      'call +44 20 7946 0958',
      '+',
      '+0 123456',
      '++44 20 7946 0958',
      '+44 20 7946 0958#',
      '+1 415 555 267',
    ]) {
      expect(toE164(text, packageMetadata), text).toBeUndefined();
    }
  });
});
