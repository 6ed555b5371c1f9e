/** The error codes of activities and what a user is told. */
export const activitiesErrors = {
  'activity.not_found': 'This activity does not exist.',
  'activity.version_conflict': 'Someone else changed this activity. Reload it and try again.',
  'activity.not_author': 'Only the person who logged this activity, or an admin, can change or delete it.',
} as const satisfies Record<string, string>;
