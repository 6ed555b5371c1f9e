import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { eventBusFromEnv, publishEvents } from '../../shared/events/event-publisher';
import { outboxEventsOf } from '../../shared/events/outbox-stream';

const bus = eventBusFromEnv();

/**
 * Publishes the events of new outbox items to EventBridge. On the first record that cannot be published
 * it stops and reports it, so the stream retries from there (at least once: consumers dedupe on eventId).
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    const events = outboxEventsOf(record);
    if (events.length === 0) continue;
    const failed = await publishEvents(bus, events).catch(() => events);
    if (failed.length > 0)
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
  }
  return { batchItemFailures: [] };
};
