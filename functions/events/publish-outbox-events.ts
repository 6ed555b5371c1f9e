import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { eventBusFromEnv, publishEvents } from '../../shared/events/event-publisher';
import { outboxEventsOf } from '../../shared/events/outbox-stream';
import { newCorrelationId, runWithContext } from '../../shared/platform/invocation-context';
import { logger } from '../../shared/platform/logger';

const bus = eventBusFromEnv();

/**
 * Publishes the events of new outbox items to EventBridge, each detail as written (with its correlation id).
 * On the first record that cannot be published it stops and reports it, so the stream retries from there
 * (at least once: consumers dedupe on eventId).
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    const events = outboxEventsOf(record);
    const first = events[0]?.detail;
    if (!first) continue;
    const context = {
      correlationId: first.correlationId ?? newCorrelationId(),
      workspaceId: first.workspaceId,
      functionName: 'PublishOutboxEvents',
    };
    const failed = await runWithContext(context, () =>
      publishEvents(bus, events).catch((error: unknown) => {
        logger.error('outbox events not published', { error, eventIds: events.map((e) => e.detail.eventId) });
        return events;
      }),
    );
    if (failed.length > 0) {
      runWithContext(context, () =>
        logger.warn('outbox record left for the stream to retry', { refused: failed.length }),
      );
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};
