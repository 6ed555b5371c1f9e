import type { TransactItem } from '../store/transactions';
import { companyTimelineKey, timelineEntryKey, timelineOfTypeKey } from './activities-keys';

/**
 * Where an entry of the timeline is filed: on a contact (and then also on the company the contact belongs
 * to when the entry is written), or on a company alone.
 */
export type TimelineSubject =
  | { contactId: string; companyId?: string }
  | { contactId?: undefined; companyId: string };

/** What every timeline entry carries, whatever its type: the rest is the type's own (timeline-entry.ts). */
export interface TimelineEntryBase {
  /** A ULID: the entry's id, and its place on the timeline. */
  id: string;
  /** `note`, `call`, `meeting`, `email`, `form.submitted`, `order.placed`, `ticket.opened`, ... */
  type: string;
  contactId?: string;
  companyId?: string;
  /** When it happened (a call's start, an order's placement); `recordedAt` is when the CRM wrote it. */
  occurredAt: string;
  recordedAt: string;
}

/**
 * The stored item of a timeline entry with its keys: in its contact's partition (or its company's), on the
 * type index of that record, and on the company's whole timeline when it has a company. Pure.
 */
export function timelineEntryItem<Entry extends TimelineEntryBase & Record<string, unknown>>(
  workspaceId: string,
  entry: Entry,
): Record<string, unknown> {
  const [kind, recordId] = entry.contactId
    ? (['CONTACT', entry.contactId] as const)
    : entry.companyId
      ? (['COMPANY', entry.companyId] as const)
      : (() => {
          throw new Error('a timeline entry needs a contact or a company');
        })();
  return {
    ...entry,
    ...timelineEntryKey(workspaceId, kind, recordId, entry.id),
    ...timelineOfTypeKey(workspaceId, kind, recordId, entry.type, entry.id),
    ...(entry.companyId ? companyTimelineKey(workspaceId, entry.companyId, entry.id) : {}),
    entity: 'timelineEntry',
  };
}

/** A Put of a new timeline entry for a transaction; the same entry written twice fails its condition. */
export function timelineEntryPut(
  tableName: string,
  workspaceId: string,
  entry: TimelineEntryBase & Record<string, unknown>,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: timelineEntryItem(workspaceId, entry),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
