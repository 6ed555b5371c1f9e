import type { z } from 'zod';
import { type FieldErrors, ValidationError } from './errors';

/** Turns zod issues into one message per field path (`customFields.size`, `tags.2`, `(root)`). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        fields[path] ??= 'This field is not allowed here.';
      }
      continue;
    }
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** Parses with a schema, or throws a 400 that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}
