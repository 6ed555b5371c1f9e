/** The error codes of tickets and what a user is told. */
export const ticketsErrors = {
  'ticket.not_found': 'This ticket does not exist.',
  'ticket.version_conflict': 'Someone else changed this ticket. Reload it and try again.',
  'ticket.illegal_transition':
    'A ticket moves from open to pending to resolved; a pending ticket can go back to open, and a resolved one can be reopened.',
} as const satisfies Record<string, string>;
