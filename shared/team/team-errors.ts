/** The error codes of the team and what a user is told. */
export const teamErrors = {
  'member.not_found': 'This person is not a member of the workspace.',
  'member.email_taken': 'This email address already has an account.',
  'member.already_deactivated': 'This member is deactivated already.',
  'member.is_deactivated': 'This member is deactivated. Its roles can no longer change.',
  'member.version_conflict': 'Someone else changed this member. Reload the team and try again.',
  'member.last_admin': 'The workspace needs at least one active admin. Make someone else an admin first.',
  'member.cannot_deactivate_self': 'You cannot deactivate yourself. Ask another admin.',
} as const satisfies Record<string, string>;
