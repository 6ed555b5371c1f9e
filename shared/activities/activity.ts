import * as z from 'zod/mini';
import { EmailAddress } from '../contacts/email-address';
import { singleLine } from '../platform/single-line-text';
import { RecordId } from '../records/record-fields';

/**
 * Activities people log on a contact's or a company's timeline: a note, a call, a meeting, an email logged
 * by hand. Texts are markdown; the server renders them to safe HTML (render-markdown.ts) and keeps both.
 * No server code here: the web app imports these schemas for its forms.
 */
export const activityTypes = ['note', 'call', 'meeting', 'email'] as const;
export const ActivityType = z.enum(activityTypes);
export type ActivityType = z.output<typeof ActivityType>;

/** The longest markdown text an activity keeps (a note's body, a call's notes). */
export const maxActivityTextChars = 20_000;
/** A call, note or email is logged at most a day ahead (time zones); a meeting may be planned ahead. */
const maxAheadMs = 24 * 60 * 60 * 1000;
const maxMeetingAheadMs = 2 * 366 * 24 * 60 * 60 * 1000;
/** ULIDs encode time from 1970 on: nothing happened in the CRM before. */
const earliest = Date.UTC(1970, 0, 1);

const Markdown = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Write something.'),
    z.maxLength(maxActivityTextChars, `Keep it to ${maxActivityTextChars} characters.`),
  );
const OptionalMarkdown = z
  .string()
  .check(z.trim(), z.maxLength(maxActivityTextChars, `Keep it to ${maxActivityTextChars} characters.`));
const Title = (max: number, empty: string) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, empty), z.maxLength(max, `Keep it to ${max} characters.`), singleLine());
const Timestamp = z.iso.datetime({
  offset: true,
  message: 'Use an ISO 8601 timestamp such as 2026-12-06T09:30:00Z.',
});

/** A time no earlier than 1970 and no later than `aheadMs` from now. */
const timeWithin = (aheadMs: number, message: string) =>
  z.refine<string>((value) => {
    const at = Date.parse(value);
    return at >= earliest && at <= Date.now() + aheadMs;
  }, message);

/** When it happened: now when left out; never in the future (a day of slack for time zones). */
const OccurredAt = Timestamp.check(
  timeWithin(maxAheadMs, 'Use a time from 1970 up to now: it cannot have happened in the future.'),
);

export const CallDirection = z.enum(['inbound', 'outbound']);
export const CallOutcome = z.enum(['connected', 'no_answer', 'voicemail', 'busy', 'wrong_number']);
export const EmailDirection = z.enum(['sent', 'received']);

/** Who took part in a meeting: team members by id, contacts by id, anyone else by address. */
export const Attendee = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('member'),
    memberId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'This is not a member id.')),
  }),
  z.strictObject({ kind: z.literal('contact'), contactId: RecordId }),
  z.strictObject({ kind: z.literal('email'), email: EmailAddress }),
]);
export type Attendee = z.output<typeof Attendee>;

/** The fields of each type, as logged and as changed (an edit sends them all again). */
const contentShapes = {
  note: { type: z.literal('note'), body: Markdown },
  call: {
    type: z.literal('call'),
    direction: CallDirection,
    outcome: CallOutcome,
    /** How long it lasted, in seconds (0 for no answer); at most a day. */
    durationSeconds: z.int().check(z.gte(0), z.lte(86_400, 'A call lasts at most a day (86400 seconds).')),
    notes: z.optional(OptionalMarkdown),
  },
  meeting: {
    type: z.literal('meeting'),
    title: Title(200, 'Give the meeting a title.'),
    startsAt: Timestamp.check(timeWithin(maxMeetingAheadMs, 'Plan meetings at most two years ahead.')),
    endsAt: Timestamp,
    attendees: z._default(z.array(Attendee).check(z.maxLength(50, 'At most 50 attendees.')), []),
    location: z.optional(Title(200, 'Leave the location out, or name it.')),
    notes: z.optional(OptionalMarkdown),
  },
  email: {
    type: z.literal('email'),
    subject: Title(300, 'Give the email a subject.'),
    direction: EmailDirection,
    body: Markdown,
  },
} as const;

const meetingEndsAfterStart = z.refine<{ type: string; startsAt?: string; endsAt?: string }>(
  (value) => value.type !== 'meeting' || Date.parse(value.endsAt ?? '') > Date.parse(value.startsAt ?? ''),
  { message: 'A meeting ends after it starts.', path: ['endsAt'] },
);

/**
 * A new activity (POST): one of the types with its own fields, strict; `occurredAt` is when it happened
 * (now when left out; a meeting happens at its start).
 */
export const ActivityInput = z
  .discriminatedUnion('type', [
    z.strictObject({ ...contentShapes.note, occurredAt: z.optional(OccurredAt) }),
    z.strictObject({ ...contentShapes.call, occurredAt: z.optional(OccurredAt) }),
    z.strictObject(contentShapes.meeting),
    z.strictObject({ ...contentShapes.email, occurredAt: z.optional(OccurredAt) }),
  ])
  .check(meetingEndsAfterStart);
export type ActivityInput = z.output<typeof ActivityInput>;

/**
 * An edit (PATCH, If-Match): the activity's whole content again, of any type (a call logged as a note can
 * be put right). When it happened stays: it is the activity's place on the timeline.
 */
export const ActivityEdit = z
  .discriminatedUnion('type', [
    z.strictObject(contentShapes.note),
    z.strictObject(contentShapes.call),
    z.strictObject(contentShapes.meeting),
    z.strictObject(contentShapes.email),
  ])
  .check(meetingEndsAfterStart);
export type ActivityEdit = z.output<typeof ActivityEdit>;

/** What every logged activity carries besides its content. */
const loggedMeta = {
  id: z.string(),
  contactId: z.optional(z.string()),
  companyId: z.optional(z.string()),
  occurredAt: z.string(),
  recordedAt: z.string(),
  /** The member who logged it (the token's subject). */
  authorId: z.string(),
  version: z.int(),
  editedAt: z.optional(z.string()),
  editedBy: z.optional(z.string()),
};

/** A logged activity as the API answers it: markdown and the HTML the server rendered from it. */
export const NoteEntry = z.object({
  ...loggedMeta,
  type: z.literal('note'),
  body: z.string(),
  bodyHtml: z.string(),
});
export const CallEntry = z.object({
  ...loggedMeta,
  type: z.literal('call'),
  direction: CallDirection,
  outcome: CallOutcome,
  durationSeconds: z.int(),
  notes: z.optional(z.string()),
  notesHtml: z.optional(z.string()),
});
export const MeetingEntry = z.object({
  ...loggedMeta,
  type: z.literal('meeting'),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  attendees: z.array(Attendee),
  location: z.optional(z.string()),
  notes: z.optional(z.string()),
  notesHtml: z.optional(z.string()),
});
export const EmailEntry = z.object({
  ...loggedMeta,
  type: z.literal('email'),
  subject: z.string(),
  direction: EmailDirection,
  body: z.string(),
  bodyHtml: z.string(),
});
export const Activity = z.discriminatedUnion('type', [NoteEntry, CallEntry, MeetingEntry, EmailEntry]);
export type Activity = z.output<typeof Activity>;

/** An earlier content of an edited activity, kept for audit: what it said until `replacedAt`, by whom. */
export const ActivityRevision = z.object({
  activityId: z.string(),
  /** The version this content had. */
  version: z.int(),
  replacedAt: z.string(),
  replacedBy: z.string(),
  content: Activity,
});
export type ActivityRevision = z.output<typeof ActivityRevision>;

export const ActivityRevisions = z.object({ items: z.array(ActivityRevision) });
export type ActivityRevisions = z.output<typeof ActivityRevisions>;

export const ActivityPath = z.object({ id: z.string(), activityId: z.string() });
