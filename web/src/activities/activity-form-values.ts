import type * as z from 'zod/mini';
import type { Activity, ActivityInput, ActivityType, Attendee } from '../../../shared/activities/activity';

/** What the composer's inputs hold, for every type at once (the tab picks the ones sent). */
export interface ActivityValues {
  type: ActivityType;
  /** A note's or email's text (markdown). */
  body: string;
  subject: string;
  emailDirection: 'sent' | 'received';
  callDirection: 'inbound' | 'outbound';
  outcome: 'connected' | 'no_answer' | 'voicemail' | 'busy' | 'wrong_number';
  /** How long a call lasted, in minutes (decimals allowed: 1.5 is 90 seconds). */
  minutes: string;
  /** A call's or meeting's notes (markdown). */
  notes: string;
  title: string;
  /** `datetime-local` values: local time without a zone. */
  startsAt: string;
  endsAt: string;
  location: string;
  /** Other attendees, by email address, separated by commas or spaces. */
  attendeeEmails: string;
  /** When it happened (`datetime-local`); empty is now. */
  occurredAt: string;
  /** The team members and contacts the meeting is with, as picked (addresses are typed in `attendeeEmails`). */
  pickedAttendees: PickedAttendee[];
}

/** An attendee picked by name: a team member or a contact. */
export type PickedAttendee = Exclude<Attendee, { kind: 'email' }>;

export const callOutcomeLabels: Record<ActivityValues['outcome'], string> = {
  connected: 'Connected',
  no_answer: 'No answer',
  voicemail: 'Left voicemail',
  busy: 'Busy',
  wrong_number: 'Wrong number',
};

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO time as a `datetime-local` value, in the browser's time zone. */
export function localInputOf(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as an ISO time (the browser's time zone); what is not a time is sent as typed. */
export function isoOf(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

export function emptyActivityValues(type: ActivityType = 'note', now: Date = new Date()): ActivityValues {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 60 * 60 * 1000);
  return {
    type,
    body: '',
    subject: '',
    emailDirection: 'sent',
    callDirection: 'outbound',
    outcome: 'connected',
    minutes: '',
    notes: '',
    title: '',
    startsAt: localInputOf(start.toISOString()),
    endsAt: localInputOf(end.toISOString()),
    location: '',
    attendeeEmails: '',
    occurredAt: '',
    pickedAttendees: [],
  };
}

/** The values of a logged activity, to edit it. */
export function valuesOfActivity(activity: Activity): ActivityValues {
  const values = emptyActivityValues(activity.type);
  switch (activity.type) {
    case 'note':
      return { ...values, body: activity.body };
    case 'email':
      return {
        ...values,
        body: activity.body,
        subject: activity.subject,
        emailDirection: activity.direction,
      };
    case 'call':
      return {
        ...values,
        callDirection: activity.direction,
        outcome: activity.outcome,
        minutes: String(Math.round((activity.durationSeconds / 60) * 100) / 100),
        notes: activity.notes ?? '',
      };
    case 'meeting':
      return {
        ...values,
        title: activity.title,
        startsAt: localInputOf(activity.startsAt),
        endsAt: localInputOf(activity.endsAt),
        location: activity.location ?? '',
        notes: activity.notes ?? '',
        attendeeEmails: activity.attendees.flatMap((a) => (a.kind === 'email' ? [a.email] : [])).join(', '),
        pickedAttendees: activity.attendees.filter((a): a is PickedAttendee => a.kind !== 'email'),
      };
  }
}

const secondsOf = (minutes: string) => {
  const value = Number(minutes.trim().replace(',', '.') || '0');
  return Number.isFinite(value) ? Math.round(value * 60) : Number.NaN;
};

/**
 * The body the API takes for the chosen type (a new activity, or, without `occurredAt`, an edit). Left to
 * the API's schema to judge: the form validates with the same schema before sending.
 */
export function activityBodyOf(values: ActivityValues, forEdit = false): z.input<typeof ActivityInput> {
  const occurredAt = !forEdit && values.occurredAt ? { occurredAt: isoOf(values.occurredAt) } : {};
  const notes = values.notes.trim() ? { notes: values.notes } : {};
  switch (values.type) {
    case 'note':
      return { type: 'note', body: values.body, ...occurredAt };
    case 'email':
      return {
        type: 'email',
        subject: values.subject,
        direction: values.emailDirection,
        body: values.body,
        ...occurredAt,
      };
    case 'call':
      return {
        type: 'call',
        direction: values.callDirection,
        outcome: values.outcome,
        durationSeconds: secondsOf(values.minutes),
        ...notes,
        ...occurredAt,
      };
    case 'meeting':
      return {
        type: 'meeting',
        title: values.title,
        startsAt: isoOf(values.startsAt),
        endsAt: isoOf(values.endsAt),
        attendees: [
          ...values.pickedAttendees,
          ...values.attendeeEmails
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map((email) => ({ kind: 'email' as const, email })),
        ],
        ...(values.location.trim() ? { location: values.location } : {}),
        ...notes,
      };
  }
}

/** API field names as the composer's inputs name them. */
export const activityFieldRenames: Record<string, string> = {
  direction: 'direction',
  durationSeconds: 'minutes',
  attendees: 'attendeeEmails',
};
