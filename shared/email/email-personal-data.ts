import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { addressHash } from './address-hash';
import { emailKeys } from './email-keys';

/**
 * What the email capability keeps of a person (decision 170): its email preferences and consent changes
 * (in the contact's partition, deleted with it), and its suppression entry, which keeps the address hash
 * for ever (an erased person is never mailed again) but loses the address in the clear.
 */
export const emailPersonalData = [
  {
    itemType: 'emailPreferences',
    description: "A contact's marketing email state: subscribed or not, since when, from where, with a note",
    attributes: ['contactId', 'marketing', 'changedAt', 'source', 'note', 'campaignId', 'pageLeftLists'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'EMAIL_PREFERENCES' },
  },
  {
    itemType: 'emailConsentChange',
    description: 'One change of marketing consent: given or withdrawn, when, from where, with a note',
    attributes: ['contactId', 'marketing', 'changedAt', 'source', 'note', 'campaignId'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'EMAIL_CONSENT#' },
  },
  {
    itemType: 'emailSuppression',
    description: 'A suppressed address: the address (removed on erasure) and its SHA-256 hash (kept)',
    attributes: ['email', 'detail'],
    erasure: 'anonymise',
    location: {
      kind: 'emailKey',
      key: (workspaceId: string, email: string) => emailKeys.suppression(workspaceId, addressHash(email)),
    },
  },
] as const satisfies readonly PersonalDataDeclaration[];
