import { isOverdue, type Task, type TaskPriority } from '../../../shared/tasks/task';

const dueFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

const sameLocalDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** A due time in the user's locale and zone: "Today, 14:30" for today's, the date and time otherwise. */
export function formatDue(iso: string, now: Date = new Date()): string {
  const due = new Date(iso);
  if (Number.isNaN(due.getTime())) return iso;
  return sameLocalDay(due, now) ? `Today, ${timeFormat.format(due)}` : dueFormat.format(due);
}

/** How a task's due time reads: overdue (red), due today, later, or none. */
export function dueState(task: Pick<Task, 'done' | 'dueAt'>, now: Date = new Date()) {
  if (!task.dueAt) return 'none' as const;
  if (isOverdue(task, now)) return 'overdue' as const;
  return sameLocalDay(new Date(task.dueAt), now) ? ('today' as const) : ('later' as const);
}

export const priorityColors: Record<TaskPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export const priorityLabels: Record<TaskPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/** A `datetime-local` input's value (local wall time) as an ISO instant, and back. */
export function isoFromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function localInputFromIso(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
