import type { FormErrors, UseFormReturnType } from '@mantine/form';
import type * as z from 'zod/mini';
import type { FieldErrors } from '../../../shared/platform/errors';
import { fieldErrorsOf } from '../../../shared/platform/validation';

/** Where errors that belong to no input go; forms show it above their fields. */
export const formLevel = '(root)';

/**
 * Per-field messages (from zod or from the API's `error.fields`) keyed by form path: list items point at
 * their list (`tags.2` → `tags`), `renames` maps API names to form names, and paths the form does not
 * show (`known`) move to the form level so no message is lost.
 */
export function formErrorsFromFields(
  fields: FieldErrors,
  options: { renames?: Record<string, string>; known?: (path: string) => boolean } = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const listPath = path.replace(/(\.\d+)+$/, '');
    const renamed = options.renames?.[listPath] ?? listPath;
    const formPath = options.known && !options.known(renamed) ? formLevel : renamed;
    errors[formPath] = errors[formPath] ? `${errors[formPath]} ${message}` : message;
  }
  return errors;
}

export function formErrorsOf(
  error: z.core.$ZodError,
  renames?: Record<string, string>,
  known?: (path: string) => boolean,
): Record<string, string> {
  return formErrorsFromFields(fieldErrorsOf(error), { renames, known });
}

/** Keyboard and screen-reader users land on the first field to fix. */
export function focusFirstError<Values>(form: UseFormReturnType<Values>, errors: FormErrors): void {
  for (const path of Object.keys(errors)) {
    const input = form.getInputNode(path);
    if (input) {
      input.focus();
      return;
    }
  }
}
