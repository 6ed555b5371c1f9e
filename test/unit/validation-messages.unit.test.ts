import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ContactListQuery } from '../../shared/contacts/contact';
import { ValidationError } from '../../shared/platform/errors';
import { parseOrThrow } from '../../shared/platform/validation';

// Imports nothing that loads classic zod (which sets a locale on import): zod/mini sets none, so these
// messages only read this way because validation.ts configures ours (validation-messages.ts).
function fieldsOf(input: unknown): Record<string, string> | undefined {
  try {
    parseOrThrow(ContactListQuery, input);
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.extra.fields;
  }
}

describe('messages of zod checks without a message of their own', () => {
  it('are plain sentences about the field, not "Invalid input" or zod notation', () => {
    expect(fieldsOf({ limit: '0', cursor: 'x'.repeat(3000), q: 7 })).toEqual({
      limit: 'Use a number of at least 1.',
      cursor: 'Use at most 2048 characters.',
      q: 'Enter text.',
    });
  });
});

describe('validationMessageOf', () => {
  const messageOf = (schema: z.core.$ZodType, input: unknown) => {
    const result = z.safeParse(schema, input);
    if (result.success) throw new Error('expected a failure');
    return result.error.issues[0]?.message;
  };

  it.each([
    ['a missing field', z.strictObject({ name: z.string() }), {}, 'This field is required.'],
    ['an empty required text', z.string().check(z.minLength(1)), '', 'This field cannot be empty.'],
    ['too short a text', z.string().check(z.minLength(3)), 'ab', 'Use at least 3 characters.'],
    ['too many items', z.array(z.string()).check(z.maxLength(2)), ['a', 'b', 'c'], 'Give at most 2 items.'],
    ['a number below an exclusive bound', z.number().check(z.gt(0)), 0, 'Use a number above 0.'],
    ['a number over the top', z.number().check(z.lte(100)), 101, 'Use a number of at most 100.'],
    ['a bad email', z.email(), 'ada@', 'Enter a valid email address.'],
    ['a bad date', z.iso.date(), '06/12/2026', 'Enter a date as YYYY-MM-DD.'],
    ['a value outside an enum', z.enum(['open', 'closed']), 'maybe', 'Choose one of: open, closed.'],
    ['a number where text goes', z.string(), 7, 'Enter text.'],
    ['a multiple', z.number().check(z.multipleOf(5)), 7, 'Use a multiple of 5.'],
  ])('%s', (_what, schema, input, message) => {
    expect(messageOf(schema, input)).toBe(message);
  });
});
