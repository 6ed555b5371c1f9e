import { describe, expect, it } from 'vitest';
import { ContactListQuery } from '../../shared/contacts/contact';
import { ValidationError } from '../../shared/platform/errors';
import { parseOrThrow } from '../../shared/platform/validation';

// Imports nothing that loads classic zod (which sets a locale on import): zod/mini sets none, so these
// messages only read this way because validation.ts configures the English locale.
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
  it('are zod English ones, not "Invalid input"', () => {
    expect(fieldsOf({ limit: '0', cursor: 'x'.repeat(3000), q: 7 })).toEqual({
      limit: 'Too small: expected number to be >=1',
      cursor: 'Too big: expected string to have <=2048 characters',
      q: 'Invalid input: expected string, received number',
    });
  });
});
