import type { PersonalDataDeclaration } from '../privacy/personal-data';

/** What forms keep of a person: the submissions on its timeline (keys.contactActivity). */
export const formPersonalData = [
  {
    itemType: 'activity',
    description:
      'A form submission on the contact timeline: where the person came from and what else it posted',
    attributes: ['ip', 'userAgent', 'pageUrl', 'referrer', 'utm', 'fields'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'ACTIVITY#' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
