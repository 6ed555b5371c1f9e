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

/** Where deliveries that name no workspace are filed; `_` cannot start a workspace id. */
export const unroutedWorkspace = '_unrouted';

const withheldHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

export function archivableHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value !== undefined && !withheldHeaders.has(lower)) kept[lower] = value;
  }
  return kept;
}

/** `webhooks/<ws>/<source>/<yyyy-mm-dd>/<inboxId>.json`: one day of one source of one workspace per folder. */
export function archiveKeyOf(workspaceId: string, source: string, receivedAt: Date, inboxId: string): string {
  return `webhooks/${workspaceId}/${source}/${receivedAt.toISOString().slice(0, 10)}/${inboxId}.json`;
}

export function bodyOf(delivery: ArchivedDelivery): Buffer {
  return Buffer.from(delivery.bodyBase64, 'base64');
}
