import * as z from 'zod/mini';
import { type FieldErrors, ValidationError } from './errors';
import { validationMessageOf } from './validation-messages';

// zod/mini sets no locale: without this every built-in check would say "Invalid input". Every path that
// shows zod messages (API, webhook payloads, form submissions, web forms) imports this module.
z.config({ localeError: validationMessageOf });

/** Turns zod issues into one message per field path (`customFields.size`, `tags.2`, `(root)`). */
export function fieldErrorsOf(error: z.core.$ZodError): FieldErrors {
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
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}
