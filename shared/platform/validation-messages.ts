import type * as z from 'zod/mini';

/**
 * What a person is told when a built-in zod check fails and the schema gave no message of its own: plain
 * sentences about the field ("Use at most 200 characters."), not zod's notation ("Too big: expected string
 * to have <=200 characters"), and a third of the size of zod's English locale in every bundle.
 */
export function validationMessageOf(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'This field is required.'
        : `Enter ${typeNames[issue.expected] ?? 'a valid value'}.`;
    case 'too_big':
      return sizeMessage(issue.origin, 'at most', issue.maximum, issue.inclusive, issue.exact);
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'This field cannot be empty.';
      return sizeMessage(issue.origin, 'at least', issue.minimum, issue.inclusive, issue.exact);
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
    case 'invalid_key':
    case 'invalid_element':
      return 'This entry is not valid.';
    default:
      return 'This value is not valid.';
  }
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  date: 'a date',
  literal: 'the expected value',
};

const formatMessages: Record<string, string> = {
  email: 'Enter a valid email address.',
  url: 'Enter a valid URL.',
  datetime: 'Enter a date and time in ISO 8601 form, e.g. 2026-12-06T09:30:00Z.',
  date: 'Enter a date as YYYY-MM-DD.',
  time: 'Enter a time as HH:MM.',
  ulid: 'This is not a valid id.',
  uuid: 'This is not a valid id.',
};

function sizeMessage(
  origin: string,
  bound: 'at most' | 'at least',
  limit: number | bigint,
  inclusive: boolean | undefined,
  exact: boolean | undefined,
): string {
  // an exclusive bound is one step further: "below 10", "more than 3 characters"
  const strict = inclusive === false;
  const amount = exact
    ? `exactly ${limit}`
    : strict
      ? `${bound === 'at most' ? 'fewer' : 'more'} than ${limit}`
      : `${bound} ${limit}`;
  if (origin === 'string') return `Use ${amount} characters.`;
  if (origin === 'array' || origin === 'set') return `Give ${amount} items.`;
  if (origin === 'number' || origin === 'bigint') {
    if (exact) return `Use ${limit}.`;
    return `Use a number ${strict ? (bound === 'at most' ? 'below' : 'above') : `of ${bound}`} ${limit}.`;
  }
  return `Use ${amount}.`;
}
