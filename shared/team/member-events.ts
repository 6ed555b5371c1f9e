import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';

/**
 * A member was deactivated by an admin: it cannot sign in any more, and everything it owned or was assigned
 * that is still open goes to `reassignTo`. Each capability that files work under members (contacts and
 * companies: owner; tasks and tickets: assignee; later deals) consumes this event and moves its own open
 * records, so the team capability needs to know none of them.
 */
export const MemberDeactivated = defineEvent('member.deactivated', 1, {
  memberId: z.string(),
  email: z.string(),
  reassignTo: z.string(),
  deactivatedBy: z.string(),
});
