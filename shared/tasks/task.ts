import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';
import { listQueryShape, RecordId, recordMeta } from '../records/record-fields';
import { memberIdPattern } from '../team/active-member-check';

/**
 * Tasks: something a member of the team has to do, by a time, maybe about a contact or a company. Open
 * until done; "my open tasks", "overdue" and "due today" are each one Query of an index (tasks-keys.ts).
 */
export const TaskPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type TaskPriority = z.output<typeof TaskPriority>;

/** The record a task is about: a contact, a company or a deal. */
export const RelatedKind = z.enum(['contact', 'company', 'deal']);
export type RelatedKind = z.output<typeof RelatedKind>;

export const RelatedRecord = z.strictObject({ kind: RelatedKind, id: RecordId });
export type RelatedRecord = z.output<typeof RelatedRecord>;

export const maxNotesLength = 5000;

const taskFields = {
  title: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the task a title.'),
      z.maxLength(200, 'Keep the title to 200 characters.'),
      singleLine(),
    ),
  notes: z
    .string()
    .check(z.trim(), z.maxLength(maxNotesLength, `Keep the notes to ${maxNotesLength} characters.`)),
  /** Any ISO 8601 date and time with an offset; kept in UTC with milliseconds, so it sorts as text. */
  dueAt: z.pipe(
    z.iso.datetime({ offset: true }),
    z.transform((text: string) => new Date(text).toISOString()),
  ),
  priority: TaskPriority,
  assigneeId: z.string().check(z.regex(memberIdPattern, 'This is not a member id.')),
};

export const TaskInput = z.strictObject({
  title: taskFields.title,
  notes: z.optional(taskFields.notes),
  dueAt: z.optional(taskFields.dueAt),
  priority: z._default(taskFields.priority, 'normal'),
  /** The member who is to do it; the caller when left out. */
  assigneeId: z.optional(taskFields.assigneeId),
  related: z.optional(RelatedRecord),
});
export type TaskInput = z.output<typeof TaskInput>;

/**
 * A change: a field that is sent is set, `null` clears notes, due time or the related record, a field left
 * out stays. `done: true` completes the task, `done: false` reopens it; a new `assigneeId` reassigns it.
 */
export const TaskPatch = z
  .strictObject({
    title: z.optional(taskFields.title),
    notes: z.optional(z.nullable(taskFields.notes)),
    dueAt: z.optional(z.nullable(taskFields.dueAt)),
    priority: z.optional(taskFields.priority),
    assigneeId: z.optional(taskFields.assigneeId),
    related: z.optional(z.nullable(RelatedRecord)),
    done: z.optional(z.boolean()),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type TaskPatch = z.output<typeof TaskPatch>;

export const Task = z.object({
  ...recordMeta,
  title: z.string(),
  notes: z.optional(z.string()),
  dueAt: z.optional(z.string()),
  priority: TaskPriority,
  assigneeId: z.string(),
  related: z.optional(z.object({ kind: RelatedKind, id: z.string() })),
  done: z.boolean(),
  completedAt: z.optional(z.string()),
  completedBy: z.optional(z.string()),
  /** When task.due went out for the current due time (a new due time clears it). */
  dueAnnouncedAt: z.optional(z.string()),
  createdBy: z.string(),
});
export type Task = z.output<typeof Task>;

/** Open with a due time that has passed (pure: the web app marks overdue tasks with it). */
export const isOverdue = (task: Pick<Task, 'done' | 'dueAt'>, now: Date): boolean =>
  !task.done && task.dueAt !== undefined && task.dueAt < now.toISOString();

export const TaskPath = z.object({ taskId: z.string() });

/**
 * Which tasks: `mine` (the caller's open tasks), `overdue`, `today` (due today in `timeZone`), `all` (open,
 * by due time), `done` (completed, newest first). With `assigneeId`, `overdue`, `today` and `all` are that
 * member's; with `contactId`, `companyId` or `dealId`, that record's tasks (`all` open or `done`).
 */
export const TaskView = z.enum(['mine', 'overdue', 'today', 'all', 'done']);
export type TaskView = z.output<typeof TaskView>;

/** An IANA time zone that this runtime's Intl knows (`Europe/Berlin`, `UTC`). */
export const TimeZone = z.string().check(
  z.maxLength(64),
  z.refine((zone) => isTimeZone(zone), 'Give an IANA time zone such as Europe/Berlin.'),
);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const TasksQuery = z
  .strictObject({
    view: z.optional(TaskView),
    timeZone: z.optional(TimeZone),
    assigneeId: z.optional(taskFields.assigneeId),
    contactId: z.optional(RecordId),
    companyId: z.optional(RecordId),
    dealId: z.optional(RecordId),
    limit: listQueryShape.limit,
    cursor: listQueryShape.cursor,
  })
  .check(
    z.refine((query) => [query.contactId, query.companyId, query.dealId].filter(Boolean).length <= 1, {
      message: 'List the tasks of a contact, a company or a deal, not several.',
      path: ['companyId'],
    }),
    z.refine(
      (query) =>
        !(query.contactId || query.companyId || query.dealId) ||
        query.view === undefined ||
        ['all', 'done'].includes(query.view),
      { message: "A record's tasks are listed as all (open) or done.", path: ['view'] },
    ),
    z.refine(
      (query) =>
        !query.assigneeId ||
        (query.view !== undefined &&
          !['mine', 'done'].includes(query.view) &&
          !query.contactId &&
          !query.companyId &&
          !query.dealId),
      {
        message: "A member's open tasks are listed as overdue, today or all.",
        path: ['assigneeId'],
      },
    ),
  );
export type TasksQuery = z.output<typeof TasksQuery>;

export const TaskPage = z.object({
  items: z.array(Task),
  nextCursor: z.optional(z.string()),
});
export type TaskPage = z.output<typeof TaskPage>;
