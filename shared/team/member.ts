import * as z from 'zod/mini';
import { roles } from '../platform/roles';

/**
 * A member of a workspace's team, as the API answers it. `id` is the member's Cognito `sub` (the token's
 * subject): owners and assignees name members by it. `invited` until the first sign-in, `active`, or
 * `deactivated` (cannot sign in; its work was handed to another member).
 */
export const MemberStatus = z.enum(['invited', 'active', 'deactivated']);
export type MemberStatus = z.output<typeof MemberStatus>;

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.optional(z.string()),
  roles: z.array(z.enum(roles)),
  status: MemberStatus,
  invitedAt: z.optional(z.string()),
  invitedBy: z.optional(z.string()),
  /** The last time the member used the CRM (kept to the minute). */
  lastActiveAt: z.optional(z.string()),
  deactivatedAt: z.optional(z.string()),
  /** Changes by admins (roles, deactivation) go over the version they saw (If-Match); activity does not count. */
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.output<typeof Member>;
