import { newId } from '../platform/ids';
import { currentContext } from '../platform/invocation-context';
import type { TransactItem } from '../store/transactions';
import type { PendingEvent } from './domain-event';
import { personalSubjectOf } from './event-subject';
import { eventsKeys } from './events-keys';

/** Outbox items are housekeeping once published; TTL removes them after a week (never relied on). */
const outboxRetentionSeconds = 7 * 24 * 60 * 60;

export interface OutboxEvent {
  detailType: string;
  detail: Record<string, unknown> & {
    eventId: string;
    eventVersion: number;
    workspaceId: string;
    occurredAt: string;
    correlationId?: string;
  };
}

/**
 * The events of one change, as ONE outbox item written in the change's own transaction: the events exist
 * if and only if the change does, and a crash after the commit loses nothing because the table's stream
 * delivers the item to the publisher (decision 005). One item per write keeps transactions within limits.
 * Each event carries the correlation id of the current invocation, so consumers log under the same id.
 */
export function outboxWrite(
  tableName: string,
  workspaceId: string,
  events: PendingEvent[],
  now: Date,
): TransactItem[] {
  if (events.length === 0) return [];
  const occurredAt = now.toISOString();
  // from the invocation context, so no domain operation needs a parameter for it
  const correlationId = currentContext()?.correlationId;
  const outboxEvents: OutboxEvent[] = events.map((event) => ({
    detailType: event.detailType,
    detail: {
      eventId: newId(now.getTime()),
      eventVersion: event.version,
      workspaceId,
      occurredAt,
      ...(correlationId ? { correlationId } : {}),
      ...event.data,
    },
  }));
  const id = newId(now.getTime());
  // filed under the contact its events carry, so erasing the contact finds it (the first one: a write
  // changes one contact at a time)
  const subject = events
    .map((event) => personalSubjectOf(event.detailType, event.data))
    .find((contactId) => contactId !== undefined);
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...eventsKeys.outbox(workspaceId, id),
          ...(subject ? eventsKeys.contactOutbox(workspaceId, subject, id) : {}),
          entity: 'outbox',
          events: outboxEvents,
          expiresAt: Math.floor(now.getTime() / 1000) + outboxRetentionSeconds,
        },
      },
    },
  ];
}
