import { type PendingEvent, pendingEvent } from '../events/domain-event';
import { TagAdded, TagRemoved } from './tag-events';

/** tag.added / tag.removed events for the difference between two tag lists. */
export function tagEvents(
  recordType: 'contact' | 'company',
  recordId: string,
  before: readonly string[],
  after: readonly string[],
): PendingEvent[] {
  return [
    ...after
      .filter((tag) => !before.includes(tag))
      .map((tag) => pendingEvent(TagAdded, { recordType, recordId, tag })),
    ...before
      .filter((tag) => !after.includes(tag))
      .map((tag) => pendingEvent(TagRemoved, { recordType, recordId, tag })),
  ];
}
