import type { Company } from '../companies/company';
import type { Contact } from '../contacts/contact';
import type { Deal } from '../deals/deal';

export interface BuiltInField {
  key: string;
  /** As the web app labels the field. */
  label: string;
}

type BuiltInsOf<Entity> = ReadonlyArray<{ key: Exclude<keyof Entity, 'customFields'>; label: string }>;

/** The fields of the records themselves, with their labels: custom fields may not repeat them. */
export const builtInFields = {
  contact: [
    { key: 'firstName', label: 'First name' },
    { key: 'lastName', label: 'Last name' },
    { key: 'email', label: 'Email' },
    { key: 'phone', label: 'Phone' },
    { key: 'jobTitle', label: 'Job title' },
    { key: 'companyId', label: 'Company' },
    { key: 'ownerId', label: 'Owner' },
    { key: 'tags', label: 'Tags' },
    { key: 'id', label: 'Id' },
    { key: 'version', label: 'Version' },
    { key: 'createdAt', label: 'Created' },
    { key: 'updatedAt', label: 'Updated' },
  ] satisfies BuiltInsOf<Contact>,
  company: [
    { key: 'name', label: 'Name' },
    { key: 'domain', label: 'Domain' },
    { key: 'website', label: 'Website' },
    { key: 'industry', label: 'Industry' },
    { key: 'phone', label: 'Phone' },
    { key: 'city', label: 'City' },
    { key: 'country', label: 'Country' },
    { key: 'ownerId', label: 'Owner' },
    { key: 'tags', label: 'Tags' },
    { key: 'id', label: 'Id' },
    { key: 'version', label: 'Version' },
    { key: 'createdAt', label: 'Created' },
    { key: 'updatedAt', label: 'Updated' },
  ] satisfies BuiltInsOf<Company>,
  deal: [
    { key: 'name', label: 'Name' },
    { key: 'amount', label: 'Amount' },
    { key: 'currency', label: 'Currency' },
    { key: 'expectedCloseDate', label: 'Expected close date' },
    { key: 'ownerId', label: 'Owner' },
    { key: 'primaryContactId', label: 'Primary contact' },
    { key: 'contactIds', label: 'Contacts' },
    { key: 'companyId', label: 'Company' },
    { key: 'pipelineId', label: 'Pipeline' },
    { key: 'stageId', label: 'Stage' },
    { key: 'status', label: 'Status' },
    { key: 'lostReason', label: 'Lost reason' },
    { key: 'tags', label: 'Tags' },
    { key: 'id', label: 'Id' },
    { key: 'version', label: 'Version' },
    { key: 'createdAt', label: 'Created' },
    { key: 'updatedAt', label: 'Updated' },
  ] satisfies BuiltInsOf<Deal>,
} as const satisfies Record<'contact' | 'company' | 'deal', readonly BuiltInField[]>;

/**
 * A name as people read it: no case, no accents, no spaces, dashes or underscores, so that the key
 * `job_title`, the label "Job Title" and the field `jobTitle` are one name, and so are "E-mail" and "Email".
 */
export const comparableName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-–.]+/g, '');

/** The built-in field of `entity` that `name` (a key or a label) repeats, if any. */
export function builtInFieldNamed(
  entity: keyof typeof builtInFields,
  name: string,
): BuiltInField | undefined {
  const wanted = comparableName(name);
  if (wanted === '') return undefined;
  return builtInFields[entity].find(
    (field) => comparableName(field.key) === wanted || comparableName(field.label) === wanted,
  );
}
