import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { ActivityType } from './activity';

/**
 * Someone logged an activity (note, call, meeting, email) on a contact or a company. Ids and the type only:
 * the text stays in the CRM, so outbound webhooks and the event bus never carry what a note says (a
 * consumer that needs it reads the timeline with rights of its own).
 */
export const ActivityLogged = defineEvent('activity.logged', 1, {
  activityId: z.string(),
  type: ActivityType,
  contactId: z.optional(z.string()),
  companyId: z.optional(z.string()),
  authorId: z.string(),
});
