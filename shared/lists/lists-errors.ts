/** The error codes of lists and what a user is told. */
export const listsErrors = {
  'list.not_found': 'This list does not exist.',
  'list.version_conflict': 'Someone else changed this list. Reload it and try again.',
  'list.name_exists': 'Another list already has this name.',
  'list.limit_reached': 'A workspace can have at most 50 lists. Delete one first.',
  'list.member_not_found': 'This contact is not on this list.',
} as const satisfies Record<string, string>;
