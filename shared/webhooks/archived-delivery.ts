import * as z from 'zod/mini';

/** What the archive keeps of one delivery: enough to replay it byte for byte. */
export const ArchivedDelivery = z.object({
  format: z.literal(1),
  /** Our id of the delivery (a ULID), also the inbox id when it is accepted. */
  inboxId: z.string(),
  source: z.string(),
  /** The id in the webhook URL, as received (it may be malformed). */
  targetId: z.string(),
  receivedAt: z.string(),
  /** Lower-cased names; credentials (authorization, cookie) are never kept. */
  headers: z.record(z.string(), z.string()),
  bodyBase64: z.string(),
});
export type ArchivedDelivery = z.output<typeof ArchivedDelivery>;

const withheldHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

export function archivableHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value !== undefined && !withheldHeaders.has(lower)) kept[lower] = value;
  }
  return kept;
}

/** Where deliveries to known targets are kept; grants and lifecycle rules name it too. */
export const archivePrefix = 'webhooks/';

/** `webhooks/<ws>/<source>/<yyyy-mm-dd>/<inboxId>.json`: one day of one source of one workspace per folder. */
export function archiveKeyOf(workspaceId: string, source: string, receivedAt: Date, inboxId: string): string {
  return `${archivePrefix}${workspaceId}/${source}/${receivedAt.toISOString().slice(0, 10)}/${inboxId}.json`;
}

export function bodyOf(delivery: ArchivedDelivery): Buffer {
  return Buffer.from(delivery.bodyBase64, 'base64');
}

/**
 * Deliveries to a target that does not exist (no such workspace, form or connection, or an id that cannot
 * be one): kept apart from the workspaces' archive, briefly and in bounded amounts, so that a shop posting to
 * a deleted connection can be traced while anyone's posts to made-up addresses cannot fill the bucket.
 */
export const unmatchedArchive = {
  prefix: 'webhooks-unmatched/',
  /** Where the layout before it filed ids that name no workspace; expired like the prefix. */
  legacyPrefix: 'webhooks/_unrouted/',
  /** Objects per source and minute at most: one key per slot, written only if absent. */
  slotsPerMinute: 10,
  /** Slots tried per delivery, from a random one on: a few misrouted deliveries a minute all find one. */
  probes: 3,
  /** Body bytes kept; the rest is described by its length and SHA-256. */
  bodyBytes: 32 * 1024,
  /** A lifecycle rule (AWS) or the local cloud's sweep removes them, every version, within this. */
  retentionDays: 7,
} as const;

/** What is kept of a delivery to an unknown target: the start of its body, and enough to recognise the rest. */
export const UnmatchedDelivery = z.object({
  format: z.literal(1),
  source: z.string(),
  /** The id in the webhook URL, as received (cut at 200 characters). */
  targetId: z.string(),
  receivedAt: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The first `unmatchedArchive.bodyBytes` of the body. */
  bodyBase64: z.string(),
  bodyBytes: z.int(),
  bodySha256: z.string(),
  truncated: z.boolean(),
});
export type UnmatchedDelivery = z.output<typeof UnmatchedDelivery>;

/** `webhooks-unmatched/<source>/<yyyy-mm-dd>/<hhmm>-<slot>.json`: a fixed number of names per minute. */
export function unmatchedKeyOf(source: string, receivedAt: Date, slot: number): string {
  const time = receivedAt.toISOString();
  return `${unmatchedArchive.prefix}${source}/${time.slice(0, 10)}/${time.slice(11, 13)}${time.slice(14, 16)}-${slot}.json`;
}
