import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { roles } from '../platform/roles';

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

const memberSummary = {
  memberId: z.string(),
  email: z.string(),
  roles: z.array(z.enum(roles)),
};

/** An admin invited someone to the workspace: Cognito mailed a temporary password; the member is `invited`. */
export const MemberInvited = defineEvent('member.invited', 1, { ...memberSummary, invitedBy: z.string() });

/** An admin changed a member's roles (its next token carries them). */
export const MemberUpdated = defineEvent('member.updated', 1, {
  ...memberSummary,
  previousRoles: z.array(z.enum(roles)),
  updatedBy: z.string(),
});
