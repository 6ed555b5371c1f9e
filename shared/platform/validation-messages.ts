import type * as z from 'zod/mini';

/**
 * What a person is told when a built-in zod check fails and the schema gave no message of its own: plain
 * sentences about the field ("Use at most 200 characters."), not zod's notation ("Too big: expected string
 * to have <=200 characters"), and smaller than zod's English locale in every bundle.
 */
export function validationMessageOf(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'This field is required.'
        : `Enter ${typeNames[issue.expected] ?? 'a valid value'}.`;
    case 'too_big':
    case 'too_small': {
      const most = issue.code === 'too_big';
      const limit = most ? issue.maximum : issue.minimum;
      if (!most && issue.origin === 'string' && limit === 1) return 'This field cannot be empty.';
      // an exclusive bound reads "below 10", "more than 3 characters"
      const strict = issue.inclusive === false;
      if (issue.origin === 'number' || issue.origin === 'bigint') {
        return `Use a number ${strict ? (most ? 'below' : 'above') : most ? 'of at most' : 'of at least'} ${limit}.`;
      }
      const amount = `${strict ? (most ? 'fewer than' : 'more than') : most ? 'at most' : 'at least'} ${limit}`;
      return issue.origin === 'string' ? `Use ${amount} characters.` : `Give ${amount} items.`;
    }
    case 'invalid_format':
      return formatMessages[issue.format] ?? 'This is not in the expected format.';
    case 'not_multiple_of':
      return `Use a multiple of ${issue.divisor}.`;
    case 'invalid_value':
      return issue.values.length <= 12
        ? `Choose one of: ${issue.values.map(String).join(', ')}.`
        : 'Choose one of the values offered.';
    case 'unrecognized_keys':
      return 'This field is not allowed here.';
    default:
      return 'This value is not valid.';
  }
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const formatMessages: Record<string, string> = {
  email: 'Enter a valid email address.',
  url: 'Enter a valid URL.',
  datetime: 'Enter a date and time such as 2026-12-06T09:30:00Z.',
  date: 'Enter a date as YYYY-MM-DD.',
};
