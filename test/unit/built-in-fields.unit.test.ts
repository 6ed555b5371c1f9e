import { describe, expect, it } from 'vitest';
import { Company } from '../../shared/companies/company';
import { Contact } from '../../shared/contacts/contact';
import { builtInFieldNamed, builtInFields, comparableName } from '../../shared/records/built-in-fields';

describe('built-in fields', () => {
  it.each([
    ['contact', Contact],
    ['company', Company],
  ] as const)('names every field of a %s record but its custom fields', (entity, schema) => {
    const keys = Object.keys(schema.shape).filter((key) => key !== 'customFields');
    expect(builtInFields[entity].map((field) => field.key).sort()).toEqual(keys.sort());
  });

  it('compares names without case, accents, spaces, dashes or underscores', () => {
    expect(comparableName('  Jöb_Títle ')).toBe('jobtitle');
    expect(builtInFieldNamed('contact', 'job_title')?.key).toBe('jobTitle');
    expect(builtInFieldNamed('contact', 'E-Mail')?.key).toBe('email');
    expect(builtInFieldNamed('company', 'INDUSTRY ')?.label).toBe('Industry');
    expect(builtInFieldNamed('company', 'created')?.key).toBe('createdAt');
  });

  it('finds nothing for other names, or for a built-in field of the other entity', () => {
    expect(builtInFieldNamed('company', 'Sector')).toBeUndefined();
    expect(builtInFieldNamed('contact', 'Industry')).toBeUndefined();
    expect(builtInFieldNamed('company', 'First name')).toBeUndefined();
    expect(builtInFieldNamed('contact', '  ')).toBeUndefined();
  });
});
