import type { UseFormReturnType } from '@mantine/form';
import { ApiError, messageOf } from '../api/api-error';
import { focusFirstError, formErrorsFromFields, formLevel } from './form-errors';

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code.endsWith('.version_conflict');
}

/**
 * Puts a failed save on the form: the API's per-field messages on their inputs (focusing the first),
 * anything else as a message above the fields.
 */
export function showSaveError<Values>(
  form: UseFormReturnType<Values>,
  error: unknown,
  known: (path: string) => boolean,
): void {
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    const errors = formErrorsFromFields(error.fields, { known });
    form.setErrors(errors);
    focusFirstError(form, errors);
    return;
  }
  form.setErrors({ [formLevel]: messageOf(error) });
}
