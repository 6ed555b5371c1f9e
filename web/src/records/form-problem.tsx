import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
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

/**
 * The submit handler of a record form: saves the checked values; a failed save lands on the form (see
 * showSaveError), and `conflict` says whether it was a version conflict, to offer the latest version.
 */
export function useSaveSubmit<Values>(
  form: UseFormReturnType<Values>,
  onSave: (values: Values) => Promise<void>,
  known: (path: string) => boolean,
) {
  const [conflict, setConflict] = useState(false);
  const submit = form.onSubmit(
    async (values) => {
      setConflict(false);
      try {
        await onSave(values);
      } catch (error) {
        setConflict(isVersionConflict(error));
        showSaveError(form, error, known);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return { submit, conflict };
}
