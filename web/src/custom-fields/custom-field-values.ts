import { checkCustomFields } from '../../../shared/custom-fields/check-custom-fields';
import type { CustomFieldValues, FieldDefinition } from '../../../shared/custom-fields/field-definition';
import { type FieldErrors, ValidationError } from '../../../shared/platform/errors';

/**
 * What the inputs hold: text, date and select as strings, numbers as number, yes/no as 'yes' or 'no';
 * '' when there is no value (a yes/no field left alone stays unset, it is not a no).
 */
export type CustomFieldFormValue = string | number;
export type CustomFieldFormValues = Record<string, CustomFieldFormValue>;
type ApiValue = string | number | boolean | null;

export function customFieldFormValues(
  definitions: readonly FieldDefinition[],
  stored: CustomFieldValues = {},
): CustomFieldFormValues {
  return Object.fromEntries(
    definitions.map((definition): [string, CustomFieldFormValue] => {
      const value = stored[definition.key];
      if (definition.type === 'boolean') return [definition.key, yesNoOf(value)];
      if (definition.type === 'number') return [definition.key, typeof value === 'number' ? value : ''];
      return [definition.key, value === undefined ? '' : String(value)];
    }),
  );
}

const yesNoOf = (value: string | number | boolean | undefined) =>
  value === true ? 'yes' : value === false ? 'no' : '';

/** The value to send; an empty input is `null` (no value), a non-number stays text so the check names it. */
function apiValueOf(definition: FieldDefinition, value: CustomFieldFormValue | undefined): ApiValue {
  if (definition.type === 'boolean') return value === 'yes' ? true : value === 'no' ? false : null;
  const text = String(value ?? '').trim();
  if (text === '') return null;
  if (definition.type !== 'number') return text;
  const number = typeof value === 'number' ? value : Number(text);
  return Number.isFinite(number) ? number : text;
}

/** For a new record: every field that has a value. */
export function customFieldsToCreate(
  definitions: readonly FieldDefinition[],
  values: CustomFieldFormValues,
): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const definition of definitions) {
    const value = apiValueOf(definition, values[definition.key]);
    if (value !== null) result[definition.key] = value;
  }
  return result;
}

/** For a change: only fields whose value differs from the stored one, `null` to clear. */
export function customFieldChanges(
  definitions: readonly FieldDefinition[],
  stored: CustomFieldValues,
  values: CustomFieldFormValues,
): Record<string, ApiValue> {
  const changes: Record<string, ApiValue> = {};
  for (const definition of definitions) {
    const next = apiValueOf(definition, values[definition.key]);
    const before = stored[definition.key] ?? null;
    if (next !== before) changes[definition.key] = next;
  }
  return changes;
}

/** The API's own check of custom values against the definitions, run before sending. */
export function customFieldErrors(
  definitions: readonly FieldDefinition[],
  stored: CustomFieldValues,
  changes: Record<string, ApiValue>,
): FieldErrors {
  try {
    checkCustomFields(definitions, stored, changes);
    return {};
  } catch (error) {
    if (error instanceof ValidationError) return error.extra.fields ?? {};
    throw error;
  }
}
