import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { region } from '../platform/aws-clients';
import { crmEventSource } from './domain-event';
import type { OutboxEvent } from './outbox';

/** The event bus port: the real EventBridge client, pointed at the local bus by `EVENTBRIDGE_ENDPOINT`. */
export interface EventBus {
  client: EventBridgeClient;
  busName: string;
}

export function eventBusFromEnv(env: NodeJS.ProcessEnv = process.env): EventBus {
  const endpoint = env.EVENTBRIDGE_ENDPOINT;
  return {
    client: new EventBridgeClient({
      region: region(env),
      ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
    busName: env.EVENT_BUS_NAME ?? 'default',
  };
}

// PutEvents takes at most 10 entries and 256 KB per request
const maxEntries = 10;
const maxRequestBytes = 256 * 1024;

function entryOf(event: OutboxEvent, busName: string): PutEventsRequestEntry {
  return {
    EventBusName: busName,
    Source: crmEventSource,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
    Time: new Date(event.detail.occurredAt),
  };
}

/** EventBridge's own size rule for an entry: source, detail-type, detail, resources and 14 bytes for time. */
function sizeOf(entry: PutEventsRequestEntry): number {
  return (
    Buffer.byteLength(entry.Source ?? '') +
    Buffer.byteLength(entry.DetailType ?? '') +
    Buffer.byteLength(entry.Detail ?? '') +
    14
  );
}

function batches(entries: PutEventsRequestEntry[]): PutEventsRequestEntry[][] {
  const result: PutEventsRequestEntry[][] = [];
  let current: PutEventsRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = sizeOf(entry);
    if (current.length === maxEntries || (current.length > 0 && bytes + size > maxRequestBytes)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length) result.push(current);
  return result;
}

/**
 * Sends events to the bus in as few PutEvents calls as the limits allow. Returns the events EventBridge
 * refused (per entry) so the caller can have them retried; a failed call throws.
 */
export async function publishEvents(bus: EventBus, events: OutboxEvent[]): Promise<OutboxEvent[]> {
  const byEntry = new Map<PutEventsRequestEntry, OutboxEvent>();
  for (const event of events) byEntry.set(entryOf(event, bus.busName), event);
  const failed: OutboxEvent[] = [];
  for (const batch of batches([...byEntry.keys()])) {
    const result = await bus.client.send(new PutEventsCommand({ Entries: batch }));
    if (!result.FailedEntryCount) continue;
    (result.Entries ?? []).forEach((entry, at) => {
      const sent = batch[at];
      const event = sent && byEntry.get(sent);
      if (entry.ErrorCode && event) failed.push(event);
    });
  }
  return failed;
}
