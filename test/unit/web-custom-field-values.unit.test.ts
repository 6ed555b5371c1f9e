import { describe, expect, it } from 'vitest';
import type { FieldDefinition, FieldType } from '../../shared/custom-fields/field-definition';
import {
  customFieldChanges,
  customFieldErrors,
  customFieldFormValues,
  customFieldsToCreate,
} from '../../web/src/custom-fields/custom-field-values';

const stamp = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const define = (key: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  entity: 'contact',
  key,
  label: key,
  type,
  required: false,
  ...stamp,
  ...extra,
});

const note = define('note', 'text');
const size = define('size', 'number');
const renewal = define('renewal', 'date');
const tier = define('tier', 'select', { options: ['gold', 'silver'] });
const active = define('active', 'boolean');
const all = [note, size, renewal, tier, active];

describe('custom field values in the form', () => {
  it('holds text, dates and choices as strings, numbers as numbers, yes/no as yes or no', () => {
    expect(
      customFieldFormValues(all, { note: 'hi', size: 0, renewal: '2025-03-01', tier: 'gold', active: true }),
    ).toEqual({ note: 'hi', size: 0, renewal: '2025-03-01', tier: 'gold', active: 'yes' });
    expect(customFieldFormValues([active], { active: false })).toEqual({ active: 'no' });
  });

  it('starts every input empty without stored values: a yes/no field is not set, not "no"', () => {
    expect(customFieldFormValues(all)).toEqual({ note: '', size: '', renewal: '', tier: '', active: '' });
  });

  it('ignores stored values whose field no longer exists', () => {
    expect(customFieldFormValues([note], { note: 'a', gone: 'b' })).toEqual({ note: 'a' });
  });
});

describe('custom field values sent on create', () => {
  it.each([
    ['text', note, '  hello ', 'hello'],
    ['number from the number input', size, 12.5, 12.5],
    ['number typed as text', size, ' 42 ', 42],
    ['zero', size, 0, 0],
    ['date', renewal, '2025-03-01', '2025-03-01'],
    ['choice', tier, 'silver', 'silver'],
    ['yes', active, 'yes', true],
    ['no', active, 'no', false],
  ])('sends a %s', (_, definition, input, sent) => {
    expect(customFieldsToCreate([definition], { [definition.key]: input })).toEqual({
      [definition.key]: sent,
    });
  });

  it('leaves out empty inputs, a yes/no field left alone too', () => {
    expect(customFieldsToCreate(all, customFieldFormValues(all))).toEqual({});
    expect(customFieldsToCreate([active], { active: '' })).toEqual({});
  });

  it('keeps a non-number as text, so the check can name the field', () => {
    expect(customFieldsToCreate([size], { size: 'twelve' })).toEqual({ size: 'twelve' });
    expect(customFieldErrors([size], {}, { size: 'twelve' })).toEqual({
      'customFields.size': 'Enter a number.',
    });
  });
});

describe('custom field changes sent on edit', () => {
  const stored = { note: 'hello', size: 12, tier: 'gold', active: true };

  it('sends nothing when the inputs still hold the stored values', () => {
    expect(customFieldChanges(all, stored, customFieldFormValues(all, stored))).toEqual({});
  });

  it('does not count a number re-typed as the same text, or padded text, as a change', () => {
    const values = { ...customFieldFormValues(all, stored), size: '12', note: ' hello ' };
    expect(customFieldChanges(all, stored, values)).toEqual({});
  });

  it('sends null for an emptied input and the new value for a changed one', () => {
    const values = {
      ...customFieldFormValues(all, stored),
      note: '',
      size: 13,
      renewal: '2026-01-31',
      active: 'no',
    };
    expect(customFieldChanges(all, stored, values)).toEqual({
      note: null,
      size: 13,
      renewal: '2026-01-31',
      active: false,
    });
  });

  it('sends nothing for a yes/no field still not set, and the answer once there is one', () => {
    expect(customFieldChanges([active], {}, customFieldFormValues([active]))).toEqual({});
    expect(customFieldChanges([active], {}, { active: 'no' })).toEqual({ active: false });
    expect(customFieldChanges([active], {}, { active: 'yes' })).toEqual({ active: true });
  });

  it('removes a yes or a no set back to "not set" (null)', () => {
    expect(customFieldChanges([active], { active: true }, { active: '' })).toEqual({ active: null });
    expect(customFieldChanges([active], { active: false }, { active: '' })).toEqual({ active: null });
    expect(customFieldChanges([active], { active: false }, { active: 'no' })).toEqual({});
  });

  it('asks for an answer to a required yes/no field', () => {
    const consent = define('consent', 'boolean', { label: 'Consent', required: true });
    expect(customFieldErrors([consent], {}, customFieldsToCreate([consent], { consent: '' }))).toEqual({
      'customFields.consent': 'Consent is required.',
    });
  });
});

describe('customFieldErrors', () => {
  it('runs the API check: required values, choices and dates', () => {
    expect(
      customFieldErrors(
        [define('owner', 'text', { label: 'Owner', required: true }), tier, renewal],
        {},
        { tier: 'bronze', renewal: '2025-02-30' },
      ),
    ).toEqual({
      'customFields.owner': 'Owner is required.',
      'customFields.tier': 'Choose one of: gold, silver.',
      'customFields.renewal': 'Enter a date as YYYY-MM-DD.',
    });
  });

  it('is satisfied by a stored value the change leaves alone', () => {
    const owner = define('owner', 'text', { label: 'Owner', required: true });
    expect(customFieldErrors([owner], { owner: 'Ann' }, {})).toEqual({});
    expect(customFieldErrors([owner], { owner: 'Ann' }, { owner: null })).toEqual({
      'customFields.owner': 'Owner is required.',
    });
  });
});
