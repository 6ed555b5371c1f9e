import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CompanyInput, CompanyPatch } from '../../shared/companies/company-input';
import { ContactInput, ContactPatch } from '../../shared/contacts/contact-input';
import { FieldDefinitionInput, FieldDefinitionPatch } from '../../shared/custom-fields/field-definition';
import { FormInput, FormPatch } from '../../shared/forms/form';
import { ListInput, ListPatch } from '../../shared/lists/list';
import {
  WebhookSubscriptionInput,
  WebhookSubscriptionPatch,
} from '../../shared/outbound-webhooks/webhook-subscription';
import { isSingleLineText, singleLineMessage } from '../../shared/platform/single-line-text';
import { fieldErrorsOf } from '../../shared/platform/validation';
import { ShopConnectionInput, ShopConnectionPatch } from '../../shared/shops/shop-connection';

const refused = [
  ['NUL', 'a\u0000b'],
  ['a bell and an escape sequence', 'a\u0007\u001b[2J'],
  ['a tab', 'a\tb'],
  ['a newline', 'a\nb'],
  ['DEL', 'a\u007fb'],
  ['a C1 control (NEL)', 'a\u0085b'],
  ['the line separator', 'a\u2028b'],
  ['the paragraph separator', 'a\u2029b'],
  ['a right-to-left override', 'abc\u202Egnp.exe'],
  ['a left-to-right override', 'a\u202Db'],
  ['an embedding', 'a\u202Ab\u202C'],
  ['a right-to-left isolate', 'a\u2067b\u2069'],
  ['a first-strong isolate', 'a\u2068b'],
] as const;

const allowed = [
  'Zoë Ünal',
  'محمد',
  'שָׁלוֹם',
  '李小龙',
  '👩🏽‍💻',
  // the direction marks: names mixing Hebrew or Arabic with Latin need them, and they reorder nothing
  'Acme\u200F בע"מ',
  'a\u200Eb',
  'a\u061Cb',
  "O'Brien-Smith",
] as const;

describe('isSingleLineText', () => {
  it.each(refused)('refuses %s', (_what, text) => {
    expect(isSingleLineText(text)).toBe(false);
  });
  it.each(allowed)('allows %j', (text) => {
    expect(isSingleLineText(text)).toBe(true);
  });
});

const consent = { text: 'Yes.', doubleOptIn: false };
const form = { name: 'Newsletter', fields: [{ name: 'email', target: 'email' }], tags: [], consent };

/** Every name-like field of every request body: [schema, a valid body, the field, where the text goes]. */
const nameFields: Array<[string, z.core.$ZodType, (text: string) => unknown, string]> = [
  ['contact firstName', ContactInput, (text) => ({ firstName: text }), 'firstName'],
  ['contact lastName', ContactInput, (text) => ({ email: 'a@example.com', lastName: text }), 'lastName'],
  ['contact jobTitle', ContactInput, (text) => ({ firstName: 'Ann', jobTitle: text }), 'jobTitle'],
  ['contact tag', ContactInput, (text) => ({ firstName: 'Ann', tags: [text] }), 'tags.0'],
  ['contact patch firstName', ContactPatch, (text) => ({ firstName: text }), 'firstName'],
  ['contact patch tag', ContactPatch, (text) => ({ tags: ['ok', text] }), 'tags.1'],
  ['company name', CompanyInput, (text) => ({ name: text }), 'name'],
  ['company industry', CompanyInput, (text) => ({ name: 'Acme', industry: text }), 'industry'],
  ['company city', CompanyInput, (text) => ({ name: 'Acme', city: text }), 'city'],
  ['company tag', CompanyInput, (text) => ({ name: 'Acme', tags: [text] }), 'tags.0'],
  ['company patch name', CompanyPatch, (text) => ({ name: text }), 'name'],
  ['list name', ListInput, (text) => ({ name: text }), 'name'],
  ['list patch name', ListPatch, (text) => ({ name: text }), 'name'],
  ['form name', FormInput, (text) => ({ ...form, name: text }), 'name'],
  ['form tag', FormInput, (text) => ({ ...form, tags: [text] }), 'tags.0'],
  [
    'form field label',
    FormInput,
    (text) => ({ ...form, fields: [{ name: 'email', target: 'email', label: text }] }),
    'fields.0.label',
  ],
  ['form patch name', FormPatch, (text) => ({ name: text }), 'name'],
  [
    'custom field label',
    FieldDefinitionInput,
    (text) => ({ entity: 'contact', key: 'size', label: text, type: 'text' }),
    'label',
  ],
  [
    'custom field option',
    FieldDefinitionInput,
    (text) => ({ entity: 'contact', key: 'size', label: 'Size', type: 'select', options: ['S', text] }),
    'options.1',
  ],
  ['custom field patch label', FieldDefinitionPatch, (text) => ({ label: text }), 'label'],
  [
    'webhook subscription name',
    WebhookSubscriptionInput,
    (text) => ({ url: 'https://hooks.example.com/crm', eventTypes: ['*'], description: text }),
    'description',
  ],
  [
    'webhook subscription patch name',
    WebhookSubscriptionPatch,
    (text) => ({ description: text }),
    'description',
  ],
  ['shop connection name', ShopConnectionInput, (text) => ({ provider: 'shop', name: text }), 'name'],
  ['shop connection patch name', ShopConnectionPatch, (text) => ({ name: text }), 'name'],
];

describe.each(nameFields)('%s', (_name, schema, bodyWith, path) => {
  it('takes names in any script, direction marks included', () => {
    for (const text of allowed) {
      const result = z.safeParse(schema, bodyWith(text.toLowerCase()));
      expect(result.success, `${JSON.stringify(text)}: ${result.error?.message}`).toBe(true);
    }
  });

  it.each(refused)('refuses %s with a message on the field', (_what, text) => {
    const result = z.safeParse(schema, bodyWith(text));
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error as z.core.$ZodError)[path]).toBe(singleLineMessage);
  });

  it('trims a newline at either end instead of refusing it', () => {
    expect(z.safeParse(schema, bodyWith('\nAcme\r\n')).success).toBe(true);
  });
});
