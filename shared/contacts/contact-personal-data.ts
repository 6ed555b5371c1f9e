import type { PersonalDataDeclaration } from '../privacy/personal-data';

/** What the contacts capability keeps of a person (keys in shared/store/keys.ts: record, contactEmail, recordTag). */
export const contactPersonalData = [
  {
    itemType: 'contact',
    description: 'The contact record: name, email, phone, job title, tags and custom fields',
    attributes: ['firstName', 'lastName', 'email', 'phone', 'jobTitle', 'tags', 'customFields', 'gsi2sk'],
    erasure: 'delete',
    location: { kind: 'contact' },
  },
  {
    itemType: 'contactEmail',
    description: 'The uniqueness item of a contact email (the email is in its key)',
    attributes: ['pk'],
    erasure: 'delete',
    location: { kind: 'contactEmail' },
  },
  {
    itemType: 'contactTag',
    description: 'A tag entry of the contact (the tag says something about the person)',
    attributes: ['sk', 'gsi1pk'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'TAG#' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
