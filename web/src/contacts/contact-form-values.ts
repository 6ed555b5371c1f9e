import type * as z from 'zod/mini';
import type { Contact } from '../../../shared/contacts/contact';
import { ContactInput, ContactPatch } from '../../../shared/contacts/contact-input';
import type { FieldDefinition } from '../../../shared/custom-fields/field-definition';
import {
  type CustomFieldFormValues,
  customFieldChanges,
  customFieldErrors,
  customFieldFormValues,
  customFieldsToCreate,
} from '../custom-fields/custom-field-values';
import { formErrorsFromFields, formErrorsOf } from '../records/form-errors';

export const contactTextFields = ['firstName', 'lastName', 'email', 'phone', 'jobTitle'] as const;
type ContactTextField = (typeof contactTextFields)[number];

export type ContactFormValues = Record<ContactTextField, string> & {
  companyId: string | null;
  /** The member who owns the contact (a new one: the signed-in user, unless changed). */
  ownerId: string | null;
  tags: string[];
  customFields: CustomFieldFormValues;
};

export function contactFormValues(
  contact: Contact | undefined,
  definitions: readonly FieldDefinition[],
  defaults: { companyId?: string | null; ownerId?: string | null } = {},
): ContactFormValues {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    jobTitle: contact?.jobTitle ?? '',
    companyId: contact?.companyId ?? defaults.companyId ?? null,
    ownerId: contact ? (contact.ownerId ?? null) : (defaults.ownerId ?? null),
    tags: contact?.tags ?? [],
    customFields: customFieldFormValues(definitions, contact?.customFields),
  };
}

/** Inputs this form shows, so that API messages for anything else appear above the form. */
export function isContactFormPath(definitions: readonly FieldDefinition[]) {
  return (path: string) =>
    (contactTextFields as readonly string[]).includes(path) ||
    path === 'companyId' ||
    path === 'ownerId' ||
    path === 'tags' ||
    definitions.some((definition) => path === `customFields.${definition.key}`);
}

/** A new contact: the fields that have a value. */
export function contactInputOf(
  values: ContactFormValues,
  definitions: readonly FieldDefinition[],
): z.input<typeof ContactInput> {
  const input: z.input<typeof ContactInput> = {};
  for (const field of contactTextFields) {
    const value = values[field].trim();
    if (value) input[field] = value;
  }
  if (values.companyId) input.companyId = values.companyId;
  if (values.ownerId) input.ownerId = values.ownerId;
  if (values.tags.length > 0) input.tags = values.tags;
  const customFields = customFieldsToCreate(definitions, values.customFields);
  if (Object.keys(customFields).length > 0) input.customFields = customFields;
  return input;
}

/** A change: only what differs from the stored contact; an emptied field is `null` (cleared). */
export function contactPatchOf(
  contact: Contact,
  values: ContactFormValues,
  definitions: readonly FieldDefinition[],
): z.input<typeof ContactPatch> {
  const patch: z.input<typeof ContactPatch> = {};
  for (const field of contactTextFields) {
    const value = values[field].trim();
    if (value !== (contact[field] ?? '')) patch[field] = value || null;
  }
  if ((values.companyId ?? undefined) !== contact.companyId) patch.companyId = values.companyId;
  if ((values.ownerId ?? undefined) !== contact.ownerId) patch.ownerId = values.ownerId;
  if (values.tags.join('\n') !== contact.tags.join('\n')) patch.tags = values.tags;
  const customFields = customFieldChanges(definitions, contact.customFields, values.customFields);
  if (Object.keys(customFields).length > 0) patch.customFields = customFields;
  return patch;
}

/** The same checks the API runs: the shared zod schema, then the custom field definitions. */
export function contactFormErrors(
  values: ContactFormValues,
  definitions: readonly FieldDefinition[],
  contact?: Contact,
): Record<string, string> {
  const known = isContactFormPath(definitions);
  if (contact) {
    const patch = contactPatchOf(contact, values, definitions);
    if (Object.keys(patch).length === 0) return {};
    const result = ContactPatch.safeParse(patch);
    return {
      ...formErrorsFromFields(customFieldErrors(definitions, contact.customFields, patch.customFields ?? {})),
      ...(result.success ? {} : formErrorsOf(result.error, undefined, known)),
    };
  }
  const input = contactInputOf(values, definitions);
  const result = ContactInput.safeParse(input);
  return {
    ...formErrorsFromFields(customFieldErrors(definitions, {}, input.customFields ?? {})),
    ...(result.success ? {} : formErrorsOf(result.error, undefined, known)),
  };
}
