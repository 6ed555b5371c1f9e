import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';
import { listQueryShape, RecordId, recordMeta, Tag } from '../records/record-fields';

/**
 * Email campaigns (decision 170): one template sent once to an audience, now or at a time in the
 * workspace's time zone, exactly once per recipient. The campaign item carries the state and the live
 * counters; each recipient has its own send record.
 */
export const CampaignStatus = z.enum([
  'draft',
  'scheduled',
  'preparing',
  'sending',
  'paused',
  'sent',
  'cancelled',
]);
export type CampaignStatus = z.output<typeof CampaignStatus>;

/** Why a contact of the audience gets no message. */
export const skipReasons = ['no_email', 'no_consent', 'unsubscribed', 'suppressed', 'excluded'] as const;
export const SkipReason = z.enum(skipReasons);
export type SkipReason = z.output<typeof SkipReason>;

/**
 * Where an audience comes from. Lists today; saved filters and segments will be further kinds of the same
 * union, so a campaign stays `{ include, exclude }`.
 */
export const AudienceSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('list'), listId: RecordId }),
]);
export type AudienceSource = z.output<typeof AudienceSource>;

export const AudienceExclusion = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('list'), listId: RecordId }),
  z.strictObject({ kind: z.literal('tag'), tag: Tag }),
]);
export type AudienceExclusion = z.output<typeof AudienceExclusion>;

export const maxAudienceSources = 20;

export const Audience = z.strictObject({
  include: z
    .array(AudienceSource)
    .check(
      z.minLength(1, 'Choose at least one list to send to.'),
      z.maxLength(maxAudienceSources, `At most ${maxAudienceSources} lists.`),
    ),
  exclude: z
    .array(AudienceExclusion)
    .check(z.maxLength(maxAudienceSources, `At most ${maxAudienceSources} exclusions.`)),
});
export type Audience = z.output<typeof Audience>;

/** A send rate below the deployment's SES quota; the quota itself when absent. */
export const SendRate = z.int().check(z.minimum(1), z.maximum(1000, 'At most 1000 messages a second.'));

const campaignFields = {
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the campaign a name.'),
      z.maxLength(120, 'Keep the name to 120 characters.'),
      singleLine(),
    ),
};

export const CampaignInput = z.strictObject({
  name: campaignFields.name,
  templateId: RecordId,
  audience: Audience,
  sendRatePerSecond: z.optional(SendRate),
});
export type CampaignInput = z.output<typeof CampaignInput>;

/** Only a draft or scheduled campaign changes (If-Match); `sendRatePerSecond: null` goes back to the quota. */
export const CampaignPatch = z
  .strictObject({
    name: z.optional(campaignFields.name),
    templateId: z.optional(RecordId),
    audience: z.optional(Audience),
    sendRatePerSecond: z.optional(z.nullable(SendRate)),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type CampaignPatch = z.output<typeof CampaignPatch>;

/** A wall-clock time in the workspace's time zone, to the minute: `2026-12-24T09:00`. */
export const LocalDateTime = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Give the time as YYYY-MM-DDTHH:mm.'));

/** Send now (no `sendAt`) or at a local time in the workspace's time zone (in the future). */
export const ScheduleInput = z.strictObject({ sendAt: z.optional(LocalDateTime) });
export type ScheduleInput = z.output<typeof ScheduleInput>;

export const CampaignCounters = z.object({
  /** Contacts in the audience so far (each once, however many lists name it). */
  audience: z.int(),
  queued: z.int(),
  sent: z.int(),
  failed: z.int(),
  skipped: z.int(),
  skippedBy: z.record(SkipReason, z.int()),
});
export type CampaignCounters = z.output<typeof CampaignCounters>;

export const Campaign = z.object({
  ...recordMeta,
  name: z.string(),
  templateId: z.string(),
  audience: Audience,
  sendRatePerSecond: z.optional(z.int()),
  status: CampaignStatus,
  /** When scheduled: the local time asked for, its zone, and the instant (UTC). */
  schedule: z.optional(z.object({ sendAt: z.string(), timeZone: z.string(), sendAtUtc: z.string() })),
  /** The subject the campaign was scheduled with (its template's, merged per recipient). */
  subject: z.optional(z.string()),
  counters: CampaignCounters,
  startedAt: z.optional(z.string()),
  pausedAt: z.optional(z.string()),
  completedAt: z.optional(z.string()),
  cancelledAt: z.optional(z.string()),
});
export type Campaign = z.output<typeof Campaign>;

export const CampaignPage = z.object({ items: z.array(Campaign), nextCursor: z.optional(z.string()) });
export const CampaignsQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
  status: z.optional(CampaignStatus),
});
export const CampaignPath = z.object({ campaignId: RecordId });

/** The live count of an audience before it is scheduled: who would get the message, who would not and why. */
export const AudienceCountInput = z.strictObject({ audience: Audience });
export const AudienceCount = z.object({
  contacts: z.int(),
  recipients: z.int(),
  skippedBy: z.record(SkipReason, z.int()),
});
export type AudienceCount = z.output<typeof AudienceCount>;

export const RecipientStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'skipped']);
export type RecipientStatus = z.output<typeof RecipientStatus>;

/** One recipient's send record, as the API shows it. */
export const CampaignRecipient = z.object({
  contactId: z.string(),
  email: z.optional(z.string()),
  status: RecipientStatus,
  skipReason: z.optional(SkipReason),
  failure: z.optional(z.string()),
  messageId: z.optional(z.string()),
  sentAt: z.optional(z.string()),
  deliveredAt: z.optional(z.string()),
  openedAt: z.optional(z.string()),
  clickedAt: z.optional(z.string()),
  bouncedAt: z.optional(z.string()),
  complainedAt: z.optional(z.string()),
  unsubscribedAt: z.optional(z.string()),
});
export type CampaignRecipient = z.output<typeof CampaignRecipient>;

export const RecipientsQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
  status: z.optional(RecipientStatus),
});
export const RecipientPage = z.object({
  items: z.array(CampaignRecipient),
  nextCursor: z.optional(z.string()),
});

/** A count and its share of the messages delivered (opens, clicks) or sent (bounces, complaints...). */
export const Rate = z.object({ count: z.int(), rate: z.number() });

export const CampaignReport = z.object({
  campaignId: z.string(),
  status: CampaignStatus,
  sent: z.int(),
  delivered: z.int(),
  failed: z.int(),
  skipped: z.int(),
  skippedBy: z.record(SkipReason, z.int()),
  /** Queued but never sent because the campaign was cancelled. */
  cancelled: z.int(),
  opens: z.int(),
  uniqueOpens: Rate,
  clicks: z.int(),
  uniqueClicks: Rate,
  bounces: Rate,
  complaints: Rate,
  unsubscribes: Rate,
  links: z.array(z.object({ url: z.string(), clicks: z.int(), uniqueClicks: z.int() })),
  /** Per hour (UTC, `YYYY-MM-DDTHH`), for the chart over time. */
  overTime: z.array(
    z.object({
      hour: z.string(),
      sent: z.int(),
      delivered: z.int(),
      opens: z.int(),
      clicks: z.int(),
      bounces: z.int(),
      complaints: z.int(),
    }),
  ),
});
export type CampaignReport = z.output<typeof CampaignReport>;
