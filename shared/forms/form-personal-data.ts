import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { emailHashOf } from './confirmation-mail-claim';
import { formsKeys } from './forms-keys';

/**
 * What forms keep of a person besides its timeline entries (declared by activities): submissions still
 * under their key from before decision 150 (keys.contactActivity) until infra/migrate-timeline.ts has
 * moved them, and the claims of its double opt-in emails (keys.confirmationMail), keyed by a hash of the
 * address.
 */
export const formPersonalData = [
  {
    itemType: 'activity',
    description:
      'A form submission written before decision 150 and not migrated yet: where the person came from and what else it posted',
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
