import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { MembershipSource } from './list';

const membership = {
  listId: z.string(),
  listName: z.string(),
  contactId: z.string(),
  source: MembershipSource,
};

/** A contact joined a list (added by a user, or by a form). Joining a list it is on already is not news. */
export const ListJoined = defineEvent('list.joined', 1, membership);
/**
 * A contact left a list (removed by a user, or on the email preference page). Deleting a contact or a list
 * raises its own event instead.
 */
export const ListLeft = defineEvent('list.left', 1, {
  ...membership,
  source: z.union([
    z.object({ kind: z.literal('user'), userId: z.string() }),
    z.object({ kind: z.literal('preference_page'), campaignId: z.optional(z.string()) }),
  ]),
});
