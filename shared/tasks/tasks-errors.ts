/** The error codes of tasks and what a user is told. */
export const tasksErrors = {
  'task.not_found': 'This task does not exist.',
  'task.version_conflict': 'Someone else changed this task. Reload it and try again.',
} as const satisfies Record<string, string>;
