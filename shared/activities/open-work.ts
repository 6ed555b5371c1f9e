import * as z from 'zod/mini';
import type { TransactItem } from '../store/transactions';
import { contactOpenWorkKey } from './activities-keys';

/**
 * A contact's open work: its open tasks, tickets and (later) deals, summed up on one item right below the
 * contact (`CONTACT#OPEN_WORK`), one attribute per open thing, so the overview reads it in its one Query
 * (decision 150). Whoever opens, changes or closes a task, ticket or deal updates it in the same
 * transaction: `openWorkSet` when it is open (again), `openWorkRemove` when it is closed, deleted or moves
 * to another contact. Each is a single-attribute SET/REMOVE, so concurrent writers never overwrite each other.
 */
export const OpenWorkKind = z.enum(['task', 'ticket', 'deal']);
export type OpenWorkKind = z.output<typeof OpenWorkKind>;

export const OpenWorkEntry = z.object({
  kind: OpenWorkKind,
  id: z.string(),
  /** A task's or deal's title, a ticket's subject. */
  title: z.string(),
  /** A ticket's status (`open`, `pending`), a deal's stage name. */
  status: z.optional(z.string()),
  priority: z.optional(z.string()),
  /** A task's due time, a ticket's SLA due time, a deal's expected close date. */
  dueAt: z.optional(z.string()),
  /** The member it is assigned to (task, ticket) or owned by (deal). */
  assigneeId: z.optional(z.string()),
  updatedAt: z.string(),
});
export type OpenWorkEntry = z.output<typeof OpenWorkEntry>;

/** The attribute that holds one open thing on the open-work item. */
export const openWorkAttribute = (kind: OpenWorkKind, id: string) => `open:${kind}:${id}`;

/** Sets (adds or replaces) one open thing on a contact's open-work item, creating the item when absent. */
export function openWorkSet(
  tableName: string,
  workspaceId: string,
  contactId: string,
  entry: OpenWorkEntry,
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: contactOpenWorkKey(workspaceId, contactId),
      UpdateExpression: 'SET #entry = :entry, entity = :entity',
      ExpressionAttributeNames: { '#entry': openWorkAttribute(entry.kind, entry.id) },
      ExpressionAttributeValues: { ':entry': OpenWorkEntry.parse(entry), ':entity': 'openWork' },
    },
  };
}

/** Removes one open thing from a contact's open-work item (nothing happens when it is not there). */
export function openWorkRemove(
  tableName: string,
  workspaceId: string,
  contactId: string,
  kind: OpenWorkKind,
  id: string,
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: contactOpenWorkKey(workspaceId, contactId),
      UpdateExpression: 'REMOVE #entry SET entity = :entity',
      ExpressionAttributeNames: { '#entry': openWorkAttribute(kind, id) },
      ExpressionAttributeValues: { ':entity': 'openWork' },
    },
  };
}

/** The open things of an open-work item, by kind, each ordered by due time (then id); items without one last. */
export function openWorkOf(item: Record<string, unknown> | undefined): Record<OpenWorkKind, OpenWorkEntry[]> {
  const all = Object.entries(item ?? {})
    .filter(([name]) => name.startsWith('open:'))
    .flatMap(([, value]) => {
      const parsed = OpenWorkEntry.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~') || a.id.localeCompare(b.id));
  return {
    task: all.filter((entry) => entry.kind === 'task'),
    ticket: all.filter((entry) => entry.kind === 'ticket'),
    deal: all.filter((entry) => entry.kind === 'deal'),
  };
}
