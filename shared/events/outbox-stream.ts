import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { fromAttributeMap } from '../store/attribute-values';
import type { OutboxEvent } from './outbox';

/** The events of a stream record, when it is the insert of an outbox item; nothing otherwise. */
export function outboxEventsOf(record: DynamoDBRecord): OutboxEvent[] {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return [];
  const item = fromAttributeMap(image as Record<string, AttributeValue>);
  return item.sk === 'OUTBOX' && Array.isArray(item.events) ? (item.events as OutboxEvent[]) : [];
}
