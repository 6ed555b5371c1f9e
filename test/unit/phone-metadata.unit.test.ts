import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { phoneMetadata } from '../../shared/contacts/phone-metadata';
import { phoneMetadata as browserPhoneMetadata } from '../../shared/contacts/phone-metadata.browser';
import { compressedPhoneMetadata } from '../../shared/contacts/phone-metadata.generated';

const packageMetadata: unknown = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json'), 'utf8'),
);

describe('phone metadata', () => {
  it('is byte for byte the metadata.min.json of the installed libphonenumber-js (else: npm run generate:phone-metadata)', () => {
    const inflated = brotliDecompressSync(Buffer.from(compressedPhoneMetadata, 'base64'));
    expect(
      inflated.equals(
        readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json')),
      ),
    ).toBe(true);
    expect(phoneMetadata()).toEqual(packageMetadata);
  });

  it('is inflated once and then reused', () => {
    expect(phoneMetadata()).toBe(phoneMetadata());
  });

  it('is the same in the browser build, which reads the package file', () => {
    expect(browserPhoneMetadata()).toEqual(packageMetadata);
  });
});
