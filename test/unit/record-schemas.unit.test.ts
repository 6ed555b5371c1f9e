import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { CompanyListQuery } from '../../shared/companies/company';
import { CompanyInput, CompanyPatch } from '../../shared/companies/company-input';
import { ContactListQuery } from '../../shared/contacts/contact';
import { ContactInput, ContactPatch } from '../../shared/contacts/contact-input';
import { FieldDefinitionInput, FieldDefinitionPatch } from '../../shared/custom-fields/field-definition';
import { ValidationError } from '../../shared/platform/errors';
import { parseOrThrow } from '../../shared/platform/validation';
import { countryCodes } from '../../shared/records/country-code';

/** The 400 `fields` a body gets, or undefined when the schema accepts it. */
function fieldsOf(schema: z.core.$ZodType, input: unknown): Record<string, string> | undefined {
  try {
    parseOrThrow(schema, input);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).extra.fields;
  }
}

const notAllowed = 'This field is not allowed here.';

describe('ContactInput', () => {
  it.each(['id', 'version', 'createdAt', 'updatedAt', 'workspaceId', 'score', 'pk', 'nickname'])(
    'refuses the %s field: bodies are strict and server-owned fields are never taken',
    (name) => {
      expect(fieldsOf(ContactInput, { firstName: 'Ann', [name]: 'x' })).toEqual({ [name]: notAllowed });
    },
  );

  it('trims and lower-cases the email', () => {
    expect(ContactInput.parse({ email: '  Ann.Lee@Example.COM ' }).email).toBe('ann.lee@example.com');
  });

  it.each(['ann', 'ann@', '@example.com', 'ann@example', 'ann lee@example.com', `${'a'.repeat(250)}@x.io`])(
    'refuses the email %j',
    (email) => {
      expect(Object.keys(fieldsOf(ContactInput, { email }) ?? {})).toEqual(['email']);
    },
  );

  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (415) 555-2671', '+14155552671'],
    [' +49 30 901820 ', '+4930901820'],
  ])('stores the phone %j as E.164 %j', (phone, e164) => {
    expect(ContactInput.parse({ firstName: 'Ann', phone }).phone).toBe(e164);
  });

  it.each(['020 7946 0958', '12345', 'call me', '+44 20', `+44${'1'.repeat(40)}`])(
    'explains how to write the phone %j',
    (phone) => {
      const message = fieldsOf(ContactInput, { firstName: 'Ann', phone })?.phone;
      expect(message).toMatch(/phone number/);
    },
  );

  it('gives the international-format hint for an unparseable phone', () => {
    expect(fieldsOf(ContactInput, { firstName: 'Ann', phone: '020 7946 0958' })).toEqual({
      phone: 'Enter a valid phone number in international format, e.g. +44 20 7946 0958.',
    });
  });

  it('lower-cases, trims and de-duplicates tags', () => {
    expect(ContactInput.parse({ firstName: 'Ann', tags: ['VIP', ' vip ', 'Lead'] }).tags).toEqual([
      'vip',
      'lead',
    ]);
  });

  it('takes 25 tags and refuses 26', () => {
    const tags = Array.from({ length: 26 }, (_, index) => `t${index}`);
    expect(ContactInput.parse({ firstName: 'Ann', tags: tags.slice(0, 25) }).tags).toHaveLength(25);
    expect(fieldsOf(ContactInput, { firstName: 'Ann', tags })).toEqual({ tags: 'At most 25 tags.' });
  });

  it.each([
    ['', 'A tag cannot be empty.'],
    ['a#b', 'Tags cannot contain # or commas.'],
    ['a,b', 'Tags cannot contain # or commas.'],
    ['x'.repeat(41), 'Keep tags to 40 characters.'],
  ])('refuses the tag %j', (tag, message) => {
    expect(fieldsOf(ContactInput, { firstName: 'Ann', tags: ['ok', tag] })).toEqual({ 'tags.1': message });
  });

  it.each([{ firstName: 'Ann' }, { lastName: 'Lee' }, { email: 'ann@example.com' }])(
    'accepts a contact with a name or an email: %j',
    (input) => {
      expect(fieldsOf(ContactInput, input)).toBeUndefined();
    },
  );

  it.each([{}, { firstName: '   ' }, { jobTitle: 'Buyer', phone: '+44 20 7946 0958' }])(
    'refuses a contact with neither name nor email: %j',
    (input) => {
      expect(fieldsOf(ContactInput, input)).toEqual({
        firstName: 'Give the contact a name or an email address.',
      });
    },
  );

  it('refuses text over its maximum length', () => {
    expect(Object.keys(fieldsOf(ContactInput, { firstName: 'x'.repeat(101) }) ?? {})).toEqual(['firstName']);
    expect(fieldsOf(ContactInput, { firstName: 'x'.repeat(100) })).toBeUndefined();
  });

  it('refuses a companyId that is not an id', () => {
    expect(fieldsOf(ContactInput, { firstName: 'Ann', companyId: 'acme' })).toEqual({
      companyId: 'This is not a valid id.',
    });
  });
});

describe('ContactPatch', () => {
  it('refuses an empty change', () => {
    expect(fieldsOf(ContactPatch, {})).toEqual({ '(root)': 'Send at least one field to change.' });
  });

  it('takes null to clear a field', () => {
    expect(ContactPatch.parse({ jobTitle: null, companyId: null })).toEqual({
      jobTitle: null,
      companyId: null,
    });
  });

  it.each(['id', 'version', 'createdAt', 'updatedAt'])('refuses the server-owned %s', (name) => {
    expect(fieldsOf(ContactPatch, { firstName: 'Ann', [name]: 2 })).toEqual({ [name]: notAllowed });
  });
});

describe('list queries', () => {
  it('defaults limit to 25 and coerces it from the query string', () => {
    expect(ContactListQuery.parse({}).limit).toBe(25);
    expect(ContactListQuery.parse({ limit: '7' }).limit).toBe(7);
  });

  it.each(['0', '-1', '101', '1000', '1.5', 'abc', ''])('refuses limit=%j', (limit) => {
    expect(Object.keys(fieldsOf(ContactListQuery, { limit }) ?? {})).toEqual(['limit']);
  });

  it('refuses unknown parameters', () => {
    expect(fieldsOf(CompanyListQuery, { email: 'a@b.co' })).toEqual({ email: notAllowed });
  });

  it('normalises the email filter like stored emails', () => {
    expect(ContactListQuery.parse({ email: ' Ann@Example.com' }).email).toBe('ann@example.com');
  });
});

describe('CompanyInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['https://www.Example.com/about?x=1', 'example.com'],
    ['http://shop.example.co.uk', 'shop.example.co.uk'],
    ['WWW.EXAMPLE.ORG/', 'example.org'],
  ])('normalises the domain %j to %j', (domain, expected) => {
    expect(CompanyInput.parse({ name: 'Acme', domain }).domain).toBe(expected);
  });

  it.each(['not a domain', 'localhost', 'https://', 'example', 'exa_mple.com', 'ftp://example.com'])(
    'refuses the domain %j',
    (domain) => {
      expect(fieldsOf(CompanyInput, { name: 'Acme', domain })).toEqual({
        domain: 'Enter a domain such as example.com.',
      });
    },
  );

  it.each(['https://example.com', 'http://example.com/path?q=1'])('accepts the website %j', (website) => {
    expect(fieldsOf(CompanyInput, { name: 'Acme', website })).toBeUndefined();
  });

  it.each(['ftp://example.com', 'javascript:alert(1)', 'example.com', 'mailto:a@b.co', 'file:///etc/passwd'])(
    'refuses the website %j: only http(s) addresses',
    (website) => {
      expect(fieldsOf(CompanyInput, { name: 'Acme', website })).toEqual({
        website: 'Enter a full web address, e.g. https://example.com.',
      });
    },
  );

  it('upper-cases an assigned ISO 3166 country code', () => {
    expect(CompanyInput.parse({ name: 'Acme', country: ' gb ' }).country).toBe('GB');
    expect(CompanyInput.parse({ name: 'Acme', country: 'GE' }).country).toBe('GE');
    expect(CompanyInput.parse({ name: 'Acme', country: 'de' }).country).toBe('DE');
  });

  it.each(['XX', 'GERMANY', 'Germany', 'UK', 'EU', 'XK', 'GBR', 'G', '12', 'UK!', ''])(
    'refuses %j: not an assigned country code, however many letters',
    (country) => {
      expect(fieldsOf(CompanyInput, { name: 'Acme', country })).toEqual({
        country: 'This is not a country code. Use a two-letter ISO 3166 code, e.g. DE for Germany.',
      });
    },
  );

  it('knows the 249 assigned codes, each two capital letters', () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    for (const code of countryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('requires a name', () => {
    expect(Object.keys(fieldsOf(CompanyInput, { domain: 'example.com' }) ?? {})).toEqual(['name']);
    expect(fieldsOf(CompanyInput, { name: '  ' })).toEqual({ name: 'Give the company a name.' });
  });

  it.each(['id', 'version', 'createdAt', 'updatedAt', 'score'])('refuses the server-owned %s', (name) => {
    expect(fieldsOf(CompanyInput, { name: 'Acme', [name]: 1 })).toEqual({ [name]: notAllowed });
  });

  it('lets a patch clear optional fields but not the name', () => {
    expect(fieldsOf(CompanyPatch, { domain: null, website: null })).toBeUndefined();
    expect(Object.keys(fieldsOf(CompanyPatch, { name: null }) ?? {})).toEqual(['name']);
  });
});

describe('FieldDefinitionInput', () => {
  const base = { entity: 'contact', key: 'tier', label: 'Tier' };

  it('defaults required to false', () => {
    expect(FieldDefinitionInput.parse({ ...base, type: 'text' }).required).toBe(false);
  });

  it('requires options on a select field and refuses them elsewhere', () => {
    expect(fieldsOf(FieldDefinitionInput, { ...base, type: 'select' })).toEqual({
      options: 'A select field needs at least one option.',
    });
    expect(fieldsOf(FieldDefinitionInput, { ...base, type: 'text', options: ['a'] })).toEqual({
      options: 'Only select fields have options.',
    });
    expect(fieldsOf(FieldDefinitionInput, { ...base, type: 'select', options: ['a', 'a'] })).toEqual({
      options: 'Options must be unique.',
    });
  });

  it.each(['Tier', '1tier', 'tier-x', '', 'a'.repeat(41), '_tier'])('refuses the key %j', (key) => {
    expect(Object.keys(fieldsOf(FieldDefinitionInput, { ...base, key, type: 'text' }) ?? {})).toEqual([
      'key',
    ]);
  });

  it('refuses an unknown entity or type', () => {
    expect(
      Object.keys(fieldsOf(FieldDefinitionInput, { ...base, entity: 'invoice', type: 'text' }) ?? {}),
    ).toEqual(['entity']);
    expect(Object.keys(fieldsOf(FieldDefinitionInput, { ...base, type: 'json' }) ?? {})).toEqual(['type']);
  });

  it('refuses an empty patch and a patch of the key or type', () => {
    expect(fieldsOf(FieldDefinitionPatch, {})).toEqual({ '(root)': 'Send at least one field to change.' });
    expect(fieldsOf(FieldDefinitionPatch, { type: 'number' })).toMatchObject({ type: notAllowed });
    expect(fieldsOf(FieldDefinitionPatch, { label: 'Tier', key: 'other' })).toEqual({ key: notAllowed });
  });
});
