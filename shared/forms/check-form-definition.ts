import type { FieldDefinition } from '../custom-fields/field-definition';
import { type FieldErrors, ValidationError } from '../platform/errors';
import { customFieldTargetPrefix, type FormInput, reservedFieldNames } from './form';

const reserved: readonly string[] = reservedFieldNames;

/**
 * Rules that need the whole form or the workspace, checked on create and on every change of the mapping:
 * each field has its own name and fills its own target, exactly one fills the email, the form's own inputs
 * (consent, utm_*, the honeypot...) are not mappable, custom field targets exist, and every required
 * contact custom field is mapped. Pure, so the web settings page can run it too.
 */
export function checkFormDefinition(
  form: { fields: FormInput['fields']; honeypotField: string },
  definitions: readonly FieldDefinition[],
): void {
  const errors: FieldErrors = {};
  const contactDefinitions = new Map(
    definitions.filter((item) => item.entity === 'contact').map((item) => [item.key, item]),
  );
  if (reserved.includes(form.honeypotField)) {
    errors.honeypotField = 'This name is used by the form itself; choose another.';
  }
  const names = new Set<string>();
  const targets = new Set<string>();
  form.fields.forEach((field, at) => {
    if (names.has(field.name)) errors[`fields.${at}.name`] = 'Each field needs its own name.';
    else if (reserved.includes(field.name) || field.name === form.honeypotField) {
      errors[`fields.${at}.name`] =
        'This name is used by the form itself (consent, utm_*, page_url, referrer, submission_id, the honeypot).';
    }
    if (targets.has(field.target))
      errors[`fields.${at}.target`] = 'Another field already fills this contact field.';
    else if (field.target.startsWith(customFieldTargetPrefix)) {
      const key = field.target.slice(customFieldTargetPrefix.length);
      if (!contactDefinitions.has(key))
        errors[`fields.${at}.target`] = 'There is no contact custom field with this key.';
    }
    names.add(field.name);
    targets.add(field.target);
  });
  const missing = [...contactDefinitions.values()].filter(
    (definition) => definition.required && !targets.has(`${customFieldTargetPrefix}${definition.key}`),
  );
  if (!targets.has('email'))
    errors.fields = 'Map one field to email: every submission needs an email address.';
  else if (missing.length > 0) {
    errors.fields = `Map the required custom fields too: ${missing
      .map((definition) => `${definition.label} (${customFieldTargetPrefix}${definition.key})`)
      .join(', ')}.`;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}
