import type { TicketPriority, TicketStatus } from '../../../shared/tickets/ticket';

/** How tickets read on screen: pure, so unit tests pin the words. */

export const priorityLabels: Record<TicketPriority, string> = {
  urgent: 'Urgent',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

export const priorityColors: Record<TicketPriority, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'gray',
};

export const statusLabels: Record<TicketStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
};

/** A duration in its two largest units: `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** A target in minutes as people say it: `45 min`, `4 h`, `3 d`. */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60);
}

/** Time left until a due time, or how long it is overdue. */
export function dueState(dueAt: string, now: number): { overdue: boolean; text: string } {
  const left = (Date.parse(dueAt) - now) / 1000;
  return left >= 0
    ? { overdue: false, text: `${formatDuration(left)} left` }
    : { overdue: true, text: `Overdue by ${formatDuration(-left)}` };
}
