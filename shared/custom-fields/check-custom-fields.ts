import { type FieldErrors, ValidationError } from '../platform/errors';
import type { CustomFieldValues, FieldDefinition } from './field-definition';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function problemWith(definition: FieldDefinition, value: unknown): string | undefined {
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' ? undefined : 'Enter text.';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number.';
      // DynamoDB numbers: 38 significant digits, magnitude from 1e-130 up to below 1e126
      return value === 0 || (Math.abs(value) >= 1e-130 && Math.abs(value) < 1e126)
        ? undefined
        : 'This number is too large or too small.';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'Choose yes or no.';
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? undefined : 'Enter a date as YYYY-MM-DD.';
    case 'select':
      return typeof value === 'string' && definition.options?.includes(value)
        ? undefined
        : `Choose one of: ${definition.options?.join(', ')}.`;
  }
}

/**
 * Applies `changes` (null clears a value) to the stored values and checks the result against the
 * workspace's definitions: unknown keys, wrong types and missing required values are refused.
 * Stored values whose definition was deleted are dropped.
 */
export function checkCustomFields(
  definitions: readonly FieldDefinition[],
  stored: CustomFieldValues,
  changes: Record<string, string | number | boolean | null> | undefined,
): CustomFieldValues {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const fields: FieldErrors = {};
  const result: CustomFieldValues = {};
  for (const [key, value] of Object.entries(stored)) if (byKey.has(key)) result[key] = value;
  for (const [key, value] of Object.entries(changes ?? {})) {
    const definition = byKey.get(key);
    if (!definition) {
      fields[`customFields.${key}`] = 'There is no custom field with this key.';
      continue;
    }
    if (value === null || value === '') {
      delete result[key];
      continue;
    }
    const problem = problemWith(definition, value);
    if (problem) fields[`customFields.${key}`] = problem;
    else result[key] = typeof value === 'string' ? value.trim() : value;
  }
  for (const definition of definitions) {
    if (
      definition.required &&
      result[definition.key] === undefined &&
      !fields[`customFields.${definition.key}`]
    ) {
      fields[`customFields.${definition.key}`] = `${definition.label} is required.`;
    }
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return result;
}
