import type * as z from 'zod/mini';
import type { Company } from '../../../shared/companies/company';
import { CompanyInput, CompanyPatch } from '../../../shared/companies/company-input';
import type { FieldDefinition } from '../../../shared/custom-fields/field-definition';
import {
  type CustomFieldFormValues,
  customFieldChanges,
  customFieldErrors,
  customFieldFormValues,
  customFieldsToCreate,
} from '../custom-fields/custom-field-values';
import { formErrorsFromFields, formErrorsOf } from '../records/form-errors';

export const companyTextFields = [
  'name',
  'domain',
  'website',
  'industry',
  'phone',
  'city',
  'country',
] as const;
type CompanyTextField = (typeof companyTextFields)[number];

export type CompanyFormValues = Record<CompanyTextField, string> & {
  /** The member who owns the company (a new one: the signed-in user, unless changed). */
  ownerId: string | null;
  tags: string[];
  customFields: CustomFieldFormValues;
};

export function companyFormValues(
  company: Company | undefined,
  definitions: readonly FieldDefinition[],
  defaults: { ownerId?: string | null } = {},
): CompanyFormValues {
  return {
    name: company?.name ?? '',
    domain: company?.domain ?? '',
    website: company?.website ?? '',
    industry: company?.industry ?? '',
    phone: company?.phone ?? '',
    city: company?.city ?? '',
    country: company?.country ?? '',
    ownerId: company ? (company.ownerId ?? null) : (defaults.ownerId ?? null),
    tags: company?.tags ?? [],
    customFields: customFieldFormValues(definitions, company?.customFields),
  };
}

/** Inputs this form shows, so that API messages for anything else appear above the form. */
export function isCompanyFormPath(definitions: readonly FieldDefinition[]) {
  return (path: string) =>
    (companyTextFields as readonly string[]).includes(path) ||
    path === 'ownerId' ||
    path === 'tags' ||
    definitions.some((definition) => path === `customFields.${definition.key}`);
}

/** A new company: the fields that have a value. */
export function companyInputOf(
  values: CompanyFormValues,
  definitions: readonly FieldDefinition[],
): z.input<typeof CompanyInput> {
  const input: z.input<typeof CompanyInput> = { name: values.name.trim(), tags: values.tags };
  for (const field of companyTextFields) {
    const value = values[field].trim();
    if (field !== 'name' && value) input[field] = value;
  }
  if (values.ownerId) input.ownerId = values.ownerId;
  const customFields = customFieldsToCreate(definitions, values.customFields);
  if (Object.keys(customFields).length > 0) input.customFields = customFields;
  return input;
}

/** A change: only what differs from the stored company; an emptied field is `null` (cleared). */
export function companyPatchOf(
  company: Company,
  values: CompanyFormValues,
  definitions: readonly FieldDefinition[],
): z.input<typeof CompanyPatch> {
  const patch: z.input<typeof CompanyPatch> = {};
  for (const field of companyTextFields) {
    const value = values[field].trim();
    if (value === (company[field] ?? '')) continue;
    if (field === 'name') patch.name = value;
    else patch[field] = value || null;
  }
  if ((values.ownerId ?? undefined) !== company.ownerId) patch.ownerId = values.ownerId;
  if (values.tags.join('\n') !== company.tags.join('\n')) patch.tags = values.tags;
  const customFields = customFieldChanges(definitions, company.customFields, values.customFields);
  if (Object.keys(customFields).length > 0) patch.customFields = customFields;
  return patch;
}

/** The same checks the API runs: the shared zod schema, then the custom field definitions. */
export function companyFormErrors(
  values: CompanyFormValues,
  definitions: readonly FieldDefinition[],
  company?: Company,
): Record<string, string> {
  const known = isCompanyFormPath(definitions);
  if (company) {
    const patch = companyPatchOf(company, values, definitions);
    if (Object.keys(patch).length === 0) return {};
    const result = CompanyPatch.safeParse(patch);
    return {
      ...formErrorsFromFields(customFieldErrors(definitions, company.customFields, patch.customFields ?? {})),
      ...(result.success ? {} : formErrorsOf(result.error, undefined, known)),
    };
  }
  const input = companyInputOf(values, definitions);
  const result = CompanyInput.safeParse(input);
  return {
    ...formErrorsFromFields(customFieldErrors(definitions, {}, input.customFields ?? {})),
    ...(result.success ? {} : formErrorsOf(result.error, undefined, known)),
  };
}
