import { type $ZodError, type $ZodType, type output, safeParse } from 'zod/v4/core';
import { type FieldErrors, ValidationError } from './errors';

/** Turns zod issues into one message per field path (`customFields.size`, `tags.2`, `(root)`). */
export function fieldErrorsOf(error: $ZodError): FieldErrors {
  // a Map, because a plain object would swallow a field called "__proto__"
  const fields = new Map<string, string>();
  const add = (path: string, message: string) => {
    if (!fields.has(path)) fields.set(path, message);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), 'This field is not allowed here.');
      continue;
    }
    add(issue.path.length ? issue.path.join('.') : '(root)', issue.message);
  }
  return Object.fromEntries(fields) as FieldErrors;
}

/** Parses with a schema, or throws a 400 that names every bad field. */
export function parseOrThrow<S extends $ZodType>(schema: S, input: unknown): output<S> {
  const result = safeParse(schema, input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}
