import type { PersonalDataDeclaration } from '../privacy/personal-data';
import { dealsKeys } from './deals-keys';

/**
 * What deals keep of a person. A deal is the team's record of a sale, shared by its contacts: erasing one
 * of them takes the person out of it (`detach`: primaryContactId, contactIds) and leaves the deal, its
 * amount, stages and history (which hold ids only) to the team. Deals are found from the person by the link
 * items in the person's partition (`DEAL#<dealId>`), which repeat the deal for the person's deal list and
 * are deleted after their deals are detached. A deal's name and custom fields are the team's words about
 * the sale, not about the person, and are not rewritten: a team that names deals after people renames them
 * (docs/data-model.md, Deals). The deal's open-work entry and its timeline entries are in the person's
 * partition and go with the timeline's own declarations; its events carry the primary contact's id, so their
 * outbox items and deliveries go with the person's.
 */
export const dealsPersonalData = [
  {
    itemType: 'deal',
    description:
      'A deal the person is a contact of: its ids name the person (primary contact, other contacts)',
    attributes: ['primaryContactId', 'contactIds'],
    erasure: 'detach',
    location: {
      kind: 'namedBy',
      skPrefix: 'DEAL#',
      target: (workspaceId: string, link: Record<string, unknown>) =>
        dealsKeys.deal(workspaceId, String(link.dealId)),
    },
  },
  {
    itemType: 'dealContactLink',
    description: "A deal on the person's deal list: the deal as it is, with the person's id",
    attributes: ['dealId', 'primaryContactId', 'contactIds', 'name'],
    erasure: 'delete',
    location: { kind: 'contactPartition', skPrefix: 'DEAL#' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
