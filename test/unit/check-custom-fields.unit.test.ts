import { describe, expect, it } from 'vitest';
import { checkCustomFields } from '../../shared/custom-fields/check-custom-fields';
import type { FieldDefinition, FieldType } from '../../shared/custom-fields/field-definition';
import { ValidationError } from '../../shared/platform/errors';

const stamp = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const define = (key: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  entity: 'contact',
  key,
  label: key.toUpperCase(),
  type,
  required: false,
  ...stamp,
  ...extra,
});

const definitions = [
  define('note', 'text'),
  define('size', 'number'),
  define('renewal', 'date'),
  define('tier', 'select', { options: ['gold', 'silver'] }),
  define('active', 'boolean'),
];

function fieldErrors(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).extra.fields ?? {};
  }
  throw new Error('expected a ValidationError');
}

describe('checkCustomFields', () => {
  it('accepts a value of each type and trims text', () => {
    const values = checkCustomFields(
      definitions,
      {},
      {
        note: '  hello  ',
        size: 12.5,
        renewal: '2024-02-29',
        tier: 'gold',
        active: false,
      },
    );
    expect(values).toEqual({ note: 'hello', size: 12.5, renewal: '2024-02-29', tier: 'gold', active: false });
  });

  it.each([
    ['note', 42, 'Enter text.'],
    ['size', '12', 'Enter a number.'],
    ['active', 'yes', 'Choose yes or no.'],
    ['renewal', '2025-02-30', 'Enter a date as YYYY-MM-DD.'],
    ['renewal', '2025-13-01', 'Enter a date as YYYY-MM-DD.'],
    ['renewal', '2025-2-3', 'Enter a date as YYYY-MM-DD.'],
    ['renewal', '2025-02-03T00:00:00Z', 'Enter a date as YYYY-MM-DD.'],
    ['renewal', 20250203, 'Enter a date as YYYY-MM-DD.'],
    ['tier', 'bronze', 'Choose one of: gold, silver.'],
    ['tier', 'Gold', 'Choose one of: gold, silver.'],
  ])('refuses %s = %j with "%s"', (key, value, message) => {
    expect(fieldErrors(() => checkCustomFields(definitions, {}, { [key]: value as string }))).toEqual({
      [`customFields.${key}`]: message,
    });
  });

  it('refuses a key that has no definition', () => {
    expect(fieldErrors(() => checkCustomFields(definitions, {}, { colour: 'red' }))).toEqual({
      'customFields.colour': 'There is no custom field with this key.',
    });
  });

  it('names every bad field at once', () => {
    const fields = fieldErrors(() =>
      checkCustomFields(definitions, {}, { size: 'big', active: 1, colour: 'x' } as never),
    );
    expect(Object.keys(fields).sort()).toEqual([
      'customFields.active',
      'customFields.colour',
      'customFields.size',
    ]);
  });

  it('clears a value with null or an empty string and keeps the others', () => {
    const stored = { note: 'keep', size: 3, tier: 'gold' };
    expect(checkCustomFields(definitions, stored, { size: null, tier: '' })).toEqual({ note: 'keep' });
  });

  it('keeps stored values when nothing changes', () => {
    expect(checkCustomFields(definitions, { size: 3 }, undefined)).toEqual({ size: 3 });
  });

  it('drops stored values whose definition was deleted', () => {
    expect(checkCustomFields(definitions, { size: 3, retired: 'old' }, {})).toEqual({ size: 3 });
  });

  it('requires a required field on create, and refuses clearing it', () => {
    const withRequired = [...definitions, define('region', 'text', { required: true, label: 'Region' })];
    expect(fieldErrors(() => checkCustomFields(withRequired, {}, {}))).toEqual({
      'customFields.region': 'Region is required.',
    });
    expect(fieldErrors(() => checkCustomFields(withRequired, { region: 'EU' }, { region: null }))).toEqual({
      'customFields.region': 'Region is required.',
    });
    expect(checkCustomFields(withRequired, { region: 'EU' }, { size: 1 })).toEqual({ region: 'EU', size: 1 });
  });

  it('reports a bad value of a required field as the value problem, not as missing', () => {
    const withRequired = [define('size', 'number', { required: true })];
    expect(fieldErrors(() => checkCustomFields(withRequired, {}, { size: 'many' } as never))).toEqual({
      'customFields.size': 'Enter a number.',
    });
  });

  it('refuses numbers that are not finite', () => {
    expect(fieldErrors(() => checkCustomFields(definitions, {}, { size: Number.POSITIVE_INFINITY }))).toEqual(
      {
        'customFields.size': 'Enter a number.',
      },
    );
  });
});
