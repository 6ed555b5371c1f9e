import type * as z from 'zod/mini';
import type { FieldDefinition } from '../../../shared/custom-fields/field-definition';
import { checkFormDefinition } from '../../../shared/forms/check-form-definition';
import {
  type ContactFieldTarget,
  contactFieldTargets,
  customFieldTargetPrefix,
  defaultHoneypotField,
  type Form,
  FormInput,
  FormPatch,
} from '../../../shared/forms/form';
import { ValidationError } from '../../../shared/platform/errors';
import { formErrorsFromFields, formErrorsOf } from '../records/form-errors';

export const contactTargetLabels: Record<ContactFieldTarget, string> = {
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Phone',
  jobTitle: 'Job title',
};

/** One row of the field mapping; `key` only tells React the rows apart. */
export interface FormFieldRow {
  key: string;
  name: string;
  target: string;
  label: string;
  required: boolean;
}

export interface FormSettingsValues {
  name: string;
  fields: FormFieldRow[];
  tags: string[];
  /** Ids of the lists every contact who posts the form joins. */
  lists: string[];
  consent: {
    enabled: boolean;
    text: string;
    required: boolean;
    doubleOptIn: boolean;
    confirmedRedirectUrl: string;
  };
  successRedirectUrl: string;
  allowedOrigins: string[];
  honeypotField: string;
}

type FormInputBody = z.input<typeof FormInput>;
type FormPatchBody = z.input<typeof FormPatch>;
type ApiField = FormInputBody['fields'][number];

let rowCount = 0;
export const newRowKey = () => `row-${++rowCount}`;

export function fieldRow(field: Partial<Omit<FormFieldRow, 'key'>> = {}): FormFieldRow {
  return {
    key: newRowKey(),
    name: field.name ?? '',
    target: field.target ?? '',
    label: field.label ?? '',
    required: field.required ?? false,
  };
}

/** A new form starts with the one field every form needs: the email. */
export function formSettingsValues(form?: Form): FormSettingsValues {
  return {
    name: form?.name ?? '',
    fields: form
      ? form.fields.map((field) => fieldRow(field))
      : [fieldRow({ name: 'email', target: 'email', label: 'Email', required: true })],
    tags: form?.tags ?? [],
    lists: form?.lists ?? [],
    consent: {
      enabled: Boolean(form?.consent),
      text: form?.consent?.text ?? '',
      required: form?.consent?.required ?? false,
      doubleOptIn: form?.consent?.doubleOptIn ?? false,
      confirmedRedirectUrl: form?.consent?.confirmedRedirectUrl ?? '',
    },
    successRedirectUrl: form?.successRedirectUrl ?? '',
    allowedOrigins: form?.allowedOrigins ?? [],
    honeypotField: form?.honeypotField ?? defaultHoneypotField,
  };
}

/** What a mapping row may fill: the contact's own fields, then its custom fields. */
export function targetOptions(definitions: readonly FieldDefinition[], mapped: readonly string[] = []) {
  const custom = definitions
    .filter((definition) => definition.entity === 'contact')
    .map((definition) => ({
      value: `${customFieldTargetPrefix}${definition.key}`,
      label: definition.label,
    }));
  // a target whose custom field was deleted since stays visible, so the user sees what to fix
  const gone = mapped
    .filter((target) => target.startsWith(customFieldTargetPrefix))
    .filter((target) => !custom.some((option) => option.value === target))
    .map((target) => ({ value: target, label: `${target} (deleted)` }));
  return [
    {
      group: 'Contact',
      items: contactFieldTargets.map((target) => ({ value: target, label: contactTargetLabels[target] })),
    },
    ...(custom.length + gone.length > 0 ? [{ group: 'Custom fields', items: [...custom, ...gone] }] : []),
  ];
}

function apiFields(values: FormSettingsValues): ApiField[] {
  return values.fields.map((row) => {
    const label = row.label.trim();
    return {
      name: row.name.trim(),
      target: row.target,
      ...(label ? { label } : {}),
      ...(row.required ? { required: true } : {}),
    };
  });
}

function apiConsent(values: FormSettingsValues): FormInputBody['consent'] {
  const { enabled, text, required, doubleOptIn, confirmedRedirectUrl } = values.consent;
  if (!enabled) return undefined;
  const url = confirmedRedirectUrl.trim();
  // the confirmation page only exists with double opt-in: switched off, the address goes too
  return {
    text: text.trim(),
    required,
    doubleOptIn,
    ...(doubleOptIn && url ? { confirmedRedirectUrl: url } : {}),
  };
}

const honeypotOf = (values: FormSettingsValues) => values.honeypotField.trim() || defaultHoneypotField;
const trimmedList = (items: readonly string[]) => items.map((item) => item.trim()).filter(Boolean);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A new form: the settings that have a value. */
export function formInputOf(values: FormSettingsValues): FormInputBody {
  const consent = apiConsent(values);
  const successRedirectUrl = values.successRedirectUrl.trim();
  const allowedOrigins = trimmedList(values.allowedOrigins);
  return {
    name: values.name.trim(),
    fields: apiFields(values),
    ...(values.tags.length > 0 ? { tags: values.tags } : {}),
    ...(values.lists.length > 0 ? { lists: values.lists } : {}),
    ...(consent ? { consent } : {}),
    ...(successRedirectUrl ? { successRedirectUrl } : {}),
    ...(allowedOrigins.length > 0 ? { allowedOrigins } : {}),
    honeypotField: honeypotOf(values),
  };
}

/** A change: only what differs from the stored form; a switched-off consent or emptied URL is `null`. */
export function formPatchOf(form: Form, values: FormSettingsValues): FormPatchBody {
  const patch: FormPatchBody = {};
  const name = values.name.trim();
  if (name !== form.name) patch.name = name;
  const fields = apiFields(values);
  if (!same(fields, apiFields(formSettingsValues(form)))) patch.fields = fields;
  if (values.tags.join('\n') !== form.tags.join('\n')) patch.tags = values.tags;
  if (values.lists.join('\n') !== form.lists.join('\n')) patch.lists = values.lists;
  const consent = apiConsent(values);
  const stored = form.consent && {
    text: form.consent.text,
    required: form.consent.required,
    doubleOptIn: form.consent.doubleOptIn,
    ...(form.consent.confirmedRedirectUrl ? { confirmedRedirectUrl: form.consent.confirmedRedirectUrl } : {}),
  };
  if (!same(consent ?? null, stored ?? null)) patch.consent = consent ?? null;
  const successRedirectUrl = values.successRedirectUrl.trim();
  if (successRedirectUrl !== (form.successRedirectUrl ?? '')) {
    patch.successRedirectUrl = successRedirectUrl || null;
  }
  const allowedOrigins = trimmedList(values.allowedOrigins);
  if (allowedOrigins.join('\n') !== form.allowedOrigins.join('\n')) patch.allowedOrigins = allowedOrigins;
  const honeypotField = honeypotOf(values);
  if (honeypotField !== form.honeypotField) patch.honeypotField = honeypotField;
  return patch;
}

const fieldRowPath = /^fields\.\d+\.(?:name|target|label|required)$/;
const paths = new Set([
  'name',
  'fields',
  'tags',
  'lists',
  'consent.text',
  'consent.confirmedRedirectUrl',
  'successRedirectUrl',
  'allowedOrigins',
  'honeypotField',
]);

/** Inputs this form shows, so that API messages for anything else appear above the form. */
export const isFormSettingsPath = (path: string) => paths.has(path) || fieldRowPath.test(path);

/** The mapping rules the API checks against the workspace (unique names, one email, required fields). */
function definitionErrors(values: FormSettingsValues, definitions: readonly FieldDefinition[]) {
  try {
    checkFormDefinition({ fields: apiFields(values), honeypotField: honeypotOf(values) }, definitions);
    return {};
  } catch (error) {
    if (error instanceof ValidationError) {
      return formErrorsFromFields(error.extra.fields ?? {}, { known: isFormSettingsPath });
    }
    throw error;
  }
}

/** The same checks the API runs: the shared schema, then the mapping against the custom fields. */
export function formSettingsErrors(
  values: FormSettingsValues,
  definitions: readonly FieldDefinition[],
  form?: Form,
): Record<string, string> {
  const body = form ? formPatchOf(form, values) : formInputOf(values);
  if (form && Object.keys(body).length === 0) return {};
  const result = (form ? FormPatch : FormInput).safeParse(body);
  const mappingChanged = !form || 'fields' in body || 'honeypotField' in body;
  return {
    ...(mappingChanged ? definitionErrors(values, definitions) : {}),
    ...(result.success ? {} : formErrorsOf(result.error, undefined, isFormSettingsPath)),
  };
}

/** How a mapping target reads: "First name", a custom field's label, or the raw target if unknown. */
export function targetLabel(target: string, definitions: readonly FieldDefinition[]): string {
  if ((contactFieldTargets as readonly string[]).includes(target)) {
    return contactTargetLabels[target as ContactFieldTarget];
  }
  const key = target.slice(customFieldTargetPrefix.length);
  return definitions.find((definition) => definition.key === key)?.label ?? target;
}
