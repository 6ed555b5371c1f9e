/** The error codes of contacts and what a user is told. */
export const contactsErrors = {
  'contact.not_found': 'This contact does not exist.',
  'contact.email_exists': 'Another contact already has this email address.',
  'contact.version_conflict': 'Someone else changed this contact. Reload it and try again.',
} as const satisfies Record<string, string>;
