import type { PersonalDataDeclaration } from '../privacy/personal-data';

/** What lists keep of a person: its memberships (keys.listMember, in the contact's partition). */
export const listPersonalData = [
  {
    itemType: 'listMember',
    description: 'A membership of a list: that the person is on it, since when and how it joined',
    attributes: ['contactId', 'joinedAt', 'source'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'LIST#' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
