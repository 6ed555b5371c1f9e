import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { RelatedKind, TaskPriority } from './task';

/**
 * What task events carry of a task: ids, title, due time, priority, assignee, the related record and
 * whether it is done; never its notes. `contactId` names the contact it is about (when it is), so the
 * event's outbox item and deliveries are found and erased with the contact.
 */
const TaskSummary = z.object({
  id: z.string(),
  title: z.string(),
  dueAt: z.optional(z.string()),
  priority: TaskPriority,
  assigneeId: z.string(),
  related: z.optional(z.object({ kind: RelatedKind, id: z.string() })),
  done: z.boolean(),
});
export type TaskSummary = z.output<typeof TaskSummary>;

const about = { task: TaskSummary, contactId: z.optional(z.string()) };

/** A task was created (by a member, for itself or another). */
export const TaskCreated = defineEvent('task.created', 1, { ...about, createdBy: z.string() });
/** A task's title, notes, due time, priority, assignee or related record changed (`changedFields` says which). */
export const TaskUpdated = defineEvent('task.updated', 1, {
  ...about,
  changedFields: z.array(z.string()),
  updatedBy: z.string(),
});
/** A task was marked done. */
export const TaskCompleted = defineEvent('task.completed', 1, { ...about, completedBy: z.string() });
/** A done task was opened again. */
export const TaskReopened = defineEvent('task.reopened', 1, { ...about, reopenedBy: z.string() });
/** A task was deleted. */
export const TaskDeleted = defineEvent('task.deleted', 1, {
  taskId: z.string(),
  title: z.string(),
  contactId: z.optional(z.string()),
  deletedBy: z.string(),
});
/**
 * An open task's due time came: once per due time (the due sweep, every minute; a redelivered or
 * overlapping run emits nothing more). A new due time announces again when it comes.
 */
export const TaskDue = defineEvent('task.due', 1, about);
