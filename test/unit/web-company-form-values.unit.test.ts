import { describe, expect, it } from 'vitest';
import type { Company } from '../../shared/companies/company';
import type { FieldDefinition } from '../../shared/custom-fields/field-definition';
import {
  companyFormErrors,
  companyFormValues,
  companyInputOf,
  companyPatchOf,
} from '../../web/src/companies/company-form-values';

const stamp = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const employees: FieldDefinition = {
  entity: 'company',
  key: 'employees',
  label: 'Employees',
  type: 'number',
  required: false,
  ...stamp,
};

const initech: Company = {
  id: '01HZX3K4M5N6P7Q8R9S0T1V2W3',
  ...stamp,
  version: 4,
  name: 'Initech',
  domain: 'initech.example',
  industry: 'Software',
  country: 'GB',
  tags: ['customer'],
  customFields: { employees: 120 },
};

describe('companyInputOf (create body)', () => {
  it('always sends the name and tags, the rest only when filled in', () => {
    const values = {
      ...companyFormValues(undefined, [employees]),
      name: ' Globex ',
      domain: 'globex.example',
      city: '  ',
      customFields: { employees: '' },
    };
    expect(companyInputOf(values, [employees])).toEqual({
      name: 'Globex',
      domain: 'globex.example',
      tags: [],
    });
  });

  it('sends a number typed as text as a number', () => {
    const values = {
      ...companyFormValues(undefined, [employees]),
      name: 'Globex',
      customFields: { employees: '7' },
    };
    expect(companyInputOf(values, [employees]).customFields).toEqual({ employees: 7 });
  });

  it('sends the owner a new company starts with (the signed-in member), or none', () => {
    const values = { ...companyFormValues(undefined, [], { ownerId: 'me-1' }), name: 'Globex' };
    expect(companyInputOf(values, [])).toEqual({ name: 'Globex', ownerId: 'me-1', tags: [] });
    expect(companyInputOf({ ...values, ownerId: null }, [])).toEqual({ name: 'Globex', tags: [] });
  });
});

describe('the owner of a stored company', () => {
  it('is shown as stored whoever opens it, and a change or clearing is sent', () => {
    const owned = { ...initech, ownerId: 'owner-2' };
    expect(companyFormValues(initech, [], { ownerId: 'me-1' }).ownerId).toBeNull();
    const values = companyFormValues(owned, [employees]);
    expect(values.ownerId).toBe('owner-2');
    expect(companyPatchOf(owned, { ...values, ownerId: 'owner-3' }, [employees])).toEqual({
      ownerId: 'owner-3',
    });
    expect(companyPatchOf(owned, { ...values, ownerId: null }, [employees])).toEqual({ ownerId: null });
  });
});

describe('companyPatchOf (PATCH body)', () => {
  it('sends nothing when nothing changed', () => {
    expect(companyPatchOf(initech, companyFormValues(initech, [employees]), [employees])).toEqual({});
  });

  it('sends what changed; an emptied field is null, an emptied custom value too', () => {
    const values = {
      ...companyFormValues(initech, [employees]),
      industry: '',
      city: 'London',
      tags: [],
      customFields: { employees: '' },
    };
    expect(companyPatchOf(initech, values, [employees])).toEqual({
      industry: null,
      city: 'London',
      tags: [],
      customFields: { employees: null },
    });
  });

  it('never clears the name: an emptied name is sent as text, and the schema refuses it', () => {
    const values = { ...companyFormValues(initech, [employees]), name: '  ' };
    expect(companyPatchOf(initech, values, [employees])).toEqual({ name: '' });
    expect(companyFormErrors(values, [employees], initech)).toEqual({ name: 'Give the company a name.' });
  });
});

describe('companyFormErrors', () => {
  it('needs a name and checks the domain and country as the API does', () => {
    const values = { ...companyFormValues(undefined, []), domain: 'not a domain', country: 'GBR' };
    expect(companyFormErrors(values, [])).toEqual({
      name: 'Give the company a name.',
      domain: 'Enter a domain such as example.com.',
      country: 'This is not a country code. Use a two-letter ISO 3166 code, e.g. DE for Germany.',
    });
  });
});
