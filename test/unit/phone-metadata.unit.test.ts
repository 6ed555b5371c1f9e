import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MetadataJson } from 'libphonenumber-js/core';
import { describe, expect, it } from 'vitest';
import { phoneMetadata } from '../../shared/contacts/phone-metadata';
import { phoneMetadata as browserPhoneMetadata } from '../../shared/contacts/phone-metadata.browser';
import { validationPhoneMetadata } from '../support/validation-phone-metadata';

const packageMetadata = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json'), 'utf8'),
) as MetadataJson;

describe('phone metadata', () => {
  it('is what validation reads of the installed libphonenumber-js metadata.min.json (else: npm run generate:phone-metadata)', () => {
    expect(phoneMetadata()).toEqual(validationPhoneMetadata(packageMetadata));
    expect(phoneMetadata().version).toBe(packageMetadata.version);
  });

  it('is inflated once and then reused', () => {
    expect(phoneMetadata()).toBe(phoneMetadata());
  });

  it('is the package file in the browser build, which also formats with it', () => {
    expect(browserPhoneMetadata()).toEqual(packageMetadata);
  });
});
