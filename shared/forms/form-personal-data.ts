import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { emailHashOf } from './confirmation-mail-claim';
import { formsKeys } from './forms-keys';

/**
 * What forms keep of a person: the submissions on its timeline (keys.contactActivity), and the claims of
 * its double opt-in emails (keys.confirmationMail), keyed by a hash of the address.
 */
export const formPersonalData = [
  {
    itemType: 'activity',
    description:
      'A form submission on the contact timeline: where the person came from and what else it posted',
    attributes: ['ip', 'userAgent', 'pageUrl', 'referrer', 'utm', 'fields'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'ACTIVITY#' },
  },
  {
    itemType: 'confirmationMail',
    description:
      'That a double opt-in email went to an address for a form in the last 24 hours (a hash of the address)',
    attributes: ['pk', 'gsi3pk'],
    erasure: 'delete',
    location: {
      kind: 'emailIndex',
      index: 'byParent',
      partition: (workspaceId: string, email: string) =>
        formsKeys.confirmationMailsOfEmailPartition(workspaceId, emailHashOf(email)),
    },
  },
] as const satisfies readonly PersonalDataDeclaration[];
