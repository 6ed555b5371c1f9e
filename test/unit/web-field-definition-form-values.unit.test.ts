import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../shared/custom-fields/field-definition';
import {
  definitionInputOf,
  type FieldFormValues,
  fieldDefinitionPatchOf,
  fieldEditErrors,
  fieldEditValues,
  keyFromLabel,
  newFieldErrors,
} from '../../web/src/custom-fields/field-definition-form-values';

const stamp = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const size: FieldDefinition = {
  entity: 'contact',
  key: 'size',
  label: 'Size',
  type: 'select',
  required: true,
  options: ['Small', 'Large'],
  version: 2,
  ...stamp,
};
const note: FieldDefinition = {
  entity: 'company',
  key: 'note',
  label: 'Note',
  type: 'text',
  required: false,
  version: 1,
  ...stamp,
};

describe('a new field', () => {
  it.each([
    ['Deal size (EUR)', 'deal_size_eur'],
    ['  Ça va  ', 'ca_va'],
    ['2nd phone', 'nd_phone'],
    ['Renewal date!', 'renewal_date'],
    ['x'.repeat(60), 'x'.repeat(40)],
  ])('gets a key from the label %j', (label, key) => {
    expect(keyFromLabel(label)).toBe(key);
  });

  const values: FieldFormValues = {
    label: 'Tier',
    key: ' tier ',
    type: 'text',
    required: false,
    options: ['a'],
  };

  it('sends choices only for a choice list', () => {
    expect(definitionInputOf('contact', values)).toEqual({
      entity: 'contact',
      key: 'tier',
      label: 'Tier',
      type: 'text',
      required: false,
    });
    expect(definitionInputOf('company', { ...values, type: 'select' }).options).toEqual(['a']);
  });

  it('is checked with the API schema', () => {
    expect(
      newFieldErrors('contact', { ...values, label: ' ', key: 'Tier', type: 'select', options: [] }),
    ).toEqual({
      label: 'Give the field a label.',
      key: 'Use 1-40 lower-case letters, digits or _, starting with a letter.',
      options: 'A select field needs at least one option.',
    });
    expect(newFieldErrors('contact', values)).toEqual({});
  });

  it("refuses a label or key of the entity's built-in fields, as the API does", () => {
    const industry = { ...values, label: 'Industry', key: 'industry' };
    expect(newFieldErrors('company', industry)).toEqual({
      label: 'Industry is a built-in company field. Choose another label.',
      key: 'Industry is a built-in company field. Choose another key.',
    });
    expect(newFieldErrors('contact', industry)).toEqual({});
  });
});

describe('fieldDefinitionPatchOf (PATCH body)', () => {
  it('starts from the stored definition and sends nothing when nothing changed', () => {
    expect(fieldEditValues(size)).toEqual({ label: 'Size', required: true, options: ['Small', 'Large'] });
    expect(fieldEditValues(note)).toEqual({ label: 'Note', required: false, options: [] });
    expect(fieldDefinitionPatchOf(size, fieldEditValues(size))).toEqual({});
    expect(fieldDefinitionPatchOf(size, { ...fieldEditValues(size), label: ' Size ' })).toEqual({});
  });

  it('sends the label, the required flag and the choices that changed', () => {
    expect(
      fieldDefinitionPatchOf(size, {
        label: 'Company size',
        required: false,
        options: ['Small', 'Medium', 'Large'],
      }),
    ).toEqual({ label: 'Company size', required: false, options: ['Small', 'Medium', 'Large'] });
    expect(fieldDefinitionPatchOf(size, { ...fieldEditValues(size), options: ['Large', 'Small'] })).toEqual({
      options: ['Large', 'Small'],
    });
  });

  it('never sends choices for a field that is not a choice list', () => {
    expect(fieldDefinitionPatchOf(note, { label: 'Note', required: true, options: ['x'] })).toEqual({
      required: true,
    });
  });
});

describe('fieldEditErrors', () => {
  it('accepts an unchanged form (saving just closes it)', () => {
    expect(fieldEditErrors(size, fieldEditValues(size))).toEqual({});
  });

  it('checks the change with the API schema', () => {
    expect(fieldEditErrors(size, { ...fieldEditValues(size), label: '   ' })).toEqual({
      label: 'Give the field a label.',
    });
    expect(fieldEditErrors(size, { ...fieldEditValues(size), options: [] })).toEqual({
      options: 'A select field needs at least one option.',
    });
    expect(fieldEditErrors(size, { ...fieldEditValues(size), options: ['A', 'A'] })).toEqual({
      options: 'Options must be unique.',
    });
  });

  it('refuses a new label that repeats a built-in field', () => {
    expect(fieldEditErrors(size, { ...fieldEditValues(size), label: 'Last Name' })).toEqual({
      label: 'Last name is a built-in contact field. Choose another label.',
    });
  });
});
