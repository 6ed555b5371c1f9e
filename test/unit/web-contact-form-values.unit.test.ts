import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contact';
import type { FieldDefinition, FieldType } from '../../shared/custom-fields/field-definition';
import {
  contactFormErrors,
  contactFormValues,
  contactInputOf,
  contactPatchOf,
  isContactFormPath,
} from '../../web/src/contacts/contact-form-values';

const stamp = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const define = (key: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  entity: 'contact',
  key,
  label: key[0]?.toUpperCase() + key.slice(1),
  type,
  required: false,
  ...stamp,
  ...extra,
});

const definitions = [
  define('tier', 'select', { options: ['gold', 'silver'] }),
  define('size', 'number'),
  define('active', 'boolean'),
];
const companyId = '01HZX3K4M5N6P7Q8R9S0T1V2W3';

const ada: Contact = {
  id: '01HZX3K4M5N6P7Q8R9S0T1V2AA',
  version: 3,
  createdAt: stamp.createdAt,
  updatedAt: stamp.updatedAt,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+442079460958',
  jobTitle: 'Engineer',
  companyId,
  tags: ['vip', 'speaker'],
  customFields: { tier: 'gold', size: 12, active: true },
};

describe('the contact form values', () => {
  it('starts a new contact empty, with the company it was opened from and the signed-in owner', () => {
    expect(contactFormValues(undefined, definitions, { companyId, ownerId: 'me-1' })).toEqual({
      firstName: '',
      lastName: '',
      email: '',
      phone: '',
      jobTitle: '',
      companyId,
      ownerId: 'me-1',
      tags: [],
      customFields: { tier: '', size: '', active: '' },
    });
  });

  it('shows a stored contact as its inputs hold it, its owner (or none) whoever opens it', () => {
    const values = contactFormValues(ada, definitions, { ownerId: 'me-1' });
    expect(values.companyId).toBe(companyId);
    expect(values.ownerId).toBeNull();
    expect(contactFormValues({ ...ada, ownerId: 'owner-2' }, definitions).ownerId).toBe('owner-2');
    expect(values.customFields).toEqual({ tier: 'gold', size: 12, active: 'yes' });
  });

  it('knows which API paths have an input on the form', () => {
    const known = isContactFormPath(definitions);
    expect(['email', 'companyId', 'tags', 'customFields.size'].every(known)).toBe(true);
    expect(['customFields.gone', 'id', '(root)'].some(known)).toBe(false);
  });
});

describe('contactInputOf (create body)', () => {
  it('sends only the fields that have a value, trimmed', () => {
    const values = {
      ...contactFormValues(undefined, definitions, { companyId }),
      firstName: '  Ada ',
      email: 'ada@example.com ',
      jobTitle: '   ',
      tags: ['vip'],
      customFields: { tier: 'gold', size: '42', active: 'no' },
    };
    expect(contactInputOf({ ...values, ownerId: 'me-1' }, definitions)).toEqual({
      firstName: 'Ada',
      email: 'ada@example.com',
      companyId,
      ownerId: 'me-1',
      tags: ['vip'],
      customFields: { tier: 'gold', size: 42, active: false },
    });
  });

  it('leaves a yes/no field nobody answered unset, not "no"', () => {
    const values = { ...contactFormValues(undefined, definitions), firstName: 'Ada' };
    expect(contactInputOf(values, definitions)).toEqual({ firstName: 'Ada' });
  });

  it('leaves out the company, tags and custom fields when there are none', () => {
    const values = { ...contactFormValues(undefined, []), lastName: 'King' };
    expect(contactInputOf(values, [])).toEqual({ lastName: 'King' });
  });
});

describe('contactPatchOf (PATCH body)', () => {
  it('sends nothing when nothing changed', () => {
    expect(contactPatchOf(ada, contactFormValues(ada, definitions), definitions)).toEqual({});
  });

  it('sends a new owner, and null when the owner is cleared', () => {
    const owned = { ...ada, ownerId: 'owner-2' };
    const values = contactFormValues(owned, definitions);
    expect(contactPatchOf(owned, { ...values, ownerId: 'owner-3' }, definitions)).toEqual({
      ownerId: 'owner-3',
    });
    expect(contactPatchOf(owned, { ...values, ownerId: null }, definitions)).toEqual({ ownerId: null });
  });

  it('sends only what changed, and null for what was emptied', () => {
    const values = {
      ...contactFormValues(ada, definitions),
      lastName: 'King ',
      jobTitle: '',
      phone: '  ',
      companyId: null,
      tags: ['vip'],
      customFields: { tier: '', size: 12, active: 'no' },
    };
    expect(contactPatchOf(ada, values, definitions)).toEqual({
      lastName: 'King',
      jobTitle: null,
      phone: null,
      companyId: null,
      tags: ['vip'],
      customFields: { tier: null, active: false },
    });
  });

  it('sets a field the contact did not have', () => {
    const bare: Contact = { ...ada, jobTitle: undefined, companyId: undefined, customFields: {} };
    const values = { ...contactFormValues(bare, definitions), jobTitle: 'Analyst', companyId };
    expect(contactPatchOf(bare, values, definitions)).toEqual({ jobTitle: 'Analyst', companyId });
  });

  it('treats reordered tags as a change (the order is shown)', () => {
    const values = { ...contactFormValues(ada, definitions), tags: ['speaker', 'vip'] };
    expect(contactPatchOf(ada, values, definitions)).toEqual({ tags: ['speaker', 'vip'] });
  });
});

describe('contactFormErrors (the API checks, before sending)', () => {
  it('asks for a name or an email on a new contact', () => {
    expect(contactFormErrors(contactFormValues(undefined, []), [])).toEqual({
      firstName: 'Give the contact a name or an email address.',
    });
  });

  it('puts schema and custom field messages on their inputs', () => {
    const values = {
      ...contactFormValues(undefined, [define('tier', 'select', { options: ['gold'], required: true })]),
      firstName: 'Ada',
      email: 'ada@',
      tags: ['ok', 'no#hash'],
    };
    expect(
      contactFormErrors(values, [define('tier', 'select', { options: ['gold'], required: true })]),
    ).toEqual({
      email: 'Enter a valid email address.',
      tags: 'Tags cannot contain # or commas.',
      'customFields.tier': 'Tier is required.',
    });
  });

  it('checks only the change when editing, and accepts no change at all', () => {
    expect(contactFormErrors(contactFormValues(ada, definitions), definitions, ada)).toEqual({});
    const stored = contactFormValues(ada, definitions);
    const values = { ...stored, phone: '12', customFields: { ...stored.customFields, size: 'many' } };
    expect(contactFormErrors(values, definitions, ada)).toEqual({
      phone: 'Enter a valid phone number in international format, e.g. +44 20 7946 0958.',
      'customFields.size': 'Enter a number.',
    });
  });
});
