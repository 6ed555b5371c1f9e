import * as z from 'zod/mini';

/** Every CRM domain event goes to EventBridge with this source. */
export const crmEventSource = 'crm';

/** Fields every event's detail carries, whatever its type. */
export const eventMetadata = {
  eventId: z.string(),
  eventVersion: z.int().check(z.positive()),
  workspaceId: z.string(),
  occurredAt: z.string(),
  /** The id of the request (or job run) that caused the event; absent on events written before it existed. */
  correlationId: z.optional(z.string()),
};

/**
 * An event contract: its EventBridge detail-type, version and the zod schema of its detail.
 * Consumers parse `detail` with the schema; removing or retyping a field makes a new version.
 */
export interface DomainEventContract<Type extends string, Data extends z.core.$ZodShape> {
  detailType: Type;
  version: number;
  detail: z.ZodMiniObject<typeof eventMetadata & Data>;
}

/**
 * Not a contract of its own: the envelope every CRM event shares, for consumers that take every type
 * (outbound webhooks), keeping the fields they do not know as they are.
 */
export const anyDomainEvent = { detailType: 'any crm event', detail: z.looseObject(eventMetadata) };

export function defineEvent<const Type extends string, Data extends z.core.$ZodShape>(
  detailType: Type,
  version: number,
  data: Data,
): DomainEventContract<Type, Data> {
  return { detailType, version, detail: z.object({ ...eventMetadata, ...data }) };
}

/** An event ready for the outbox: contract, workspace and data, stamped when it is recorded. */
export interface PendingEvent {
  detailType: string;
  version: number;
  data: Record<string, unknown>;
}

export function pendingEvent<Type extends string, Data extends z.core.$ZodShape>(
  contract: DomainEventContract<Type, Data>,
  data: z.input<z.ZodMiniObject<Data>>,
): PendingEvent {
  return {
    detailType: contract.detailType,
    version: contract.version,
    data: data as Record<string, unknown>,
  };
}
