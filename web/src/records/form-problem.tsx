import type { UseFormReturnType } from '@mantine/form';
import { ApiError, messageOf } from '../api/api-error';
import { focusFirstError, formErrorsFromFields, formLevel } from './form-errors';

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code.endsWith('.version_conflict');
}

/**
 * A failed save as form errors: the API's per-field messages on their inputs (paths the form does not show
 * go above the fields), anything else as one message above the fields.
 */
export function saveErrorsOf(error: unknown, known: (path: string) => boolean): Record<string, string> {
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    return formErrorsFromFields(error.fields, { known });
  }
  return { [formLevel]: messageOf(error) };
}

/** Puts a failed save on the form and focuses the first input to fix, if the problem is in one. */
export function showSaveError<Values>(
  form: UseFormReturnType<Values>,
  error: unknown,
  known: (path: string) => boolean,
): void {
  const errors = saveErrorsOf(error, known);
  form.setErrors(errors);
  focusFirstError(form, errors);
}
