import * as z from 'zod/mini';

/**
 * A campaign mail on its contact's timeline (decision 170): sent by the campaign runner, then what the contact
 * did with it as SES reports it (first open, each link's first click, bounce, complaint, unsubscribe).
 * Written in the contact's partition, so erasing the contact removes them.
 */
export const campaignEmailEntryTypes = [
  'campaign_email.sent',
  'campaign_email.opened',
  'campaign_email.clicked',
  'campaign_email.bounced',
  'campaign_email.complained',
  'campaign_email.unsubscribed',
] as const;

export const CampaignEmailEntry = z.object({
  id: z.string(),
  type: z.enum(campaignEmailEntryTypes),
  contactId: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  subject: z.string(),
  messageId: z.optional(z.string()),
  /** A click's link. */
  url: z.optional(z.string()),
  /** A bounce's type (`Permanent`, `Transient`, `Undetermined`). */
  bounceType: z.optional(z.string()),
});
export type CampaignEmailEntry = z.output<typeof CampaignEmailEntry>;
