import type { PersonalDataDeclaration } from '../privacy/personal-data';

/**
 * What webhook intake keeps of a person: the raw delivery in the archive, and the inbox item of a delivery
 * that carried the person (linked from the contact when the delivery is processed).
 */
export const webhookPersonalData = [
  {
    itemType: 'webhookDelivery',
    // kept as intake's dedupe record, so that the provider redelivering it cannot bring the person back
    description: 'The inbox item of a delivery that carried the person (its last error may quote it)',
    attributes: ['lastError'],
    erasure: 'anonymise',
    location: { kind: 'linked', link: 'DELIVERY' },
  },
  {
    itemType: 'webhookArchiveObject',
    description: 'The raw delivery as received (headers and body), in the archive bucket or folder',
    attributes: ['headers', 'bodyBase64'],
    erasure: 'delete',
    location: { kind: 'archive', link: 'DELIVERY' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
