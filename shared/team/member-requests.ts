import * as z from 'zod/mini';
import { EmailAddress } from '../contacts/email-address';
import { roles } from '../platform/roles';
import { optionalText } from '../records/record-fields';
import { Member } from './member';
import { MemberId } from './member-id';

/** What an admin sends to manage the team: the API and the Settings → Team page validate with these. */

const MemberRoles = z.pipe(
  z
    .array(z.enum(roles))
    .check(z.minLength(1, 'Give the member at least one role.'), z.maxLength(roles.length)),
  z.transform((values) => [...new Set(values)]),
);

export const InviteMemberBody = z.strictObject({
  email: EmailAddress,
  name: z.optional(optionalText(100)),
  roles: MemberRoles,
});
export type InviteMemberBody = z.output<typeof InviteMemberBody>;

/** A change: roles (the directory's groups) and the name the CRM shows; a field left out stays as it is. */
export const MemberPatch = z
  .strictObject({
    name: z.optional(z.nullable(optionalText(100))),
    roles: z.optional(MemberRoles),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type MemberPatch = z.output<typeof MemberPatch>;

export const MemberPath = z.object({ memberId: MemberId });

/** Deactivating a member names who takes over its open work (required; checked after the member is found). */
export const DeactivateMemberQuery = z.strictObject({ reassignTo: z.optional(MemberId) });

export const MemberList = z.object({ items: z.array(Member) });
