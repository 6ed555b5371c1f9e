import type { PersonalDataDeclaration } from '../privacy/personal-data';

/** What consents keep of a person: its consent records (keys.contactConsent). */
export const consentPersonalData = [
  {
    itemType: 'consent',
    description:
      'A consent record: the email, when, and from which address and browser it was given and confirmed',
    attributes: ['email', 'ip', 'userAgent', 'confirmedIp', 'confirmedUserAgent'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'CONSENT#' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
