import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';

/**
 * Internal: run (or continue) a campaign's preparation and sending. Emitted by scheduling "now", by the
 * clock when a scheduled time comes or a run stalled, by resume, and by a runner about to time out.
 * A runner ignores an event whose `runId` is not the campaign's current one.
 */
export const CampaignRunRequested = defineEvent('campaign.run_requested', 1, {
  campaignId: z.string(),
  runId: z.string(),
});

/** A campaign started sending (its audience is being prepared). */
export const CampaignStarted = defineEvent('campaign.started', 1, {
  campaignId: z.string(),
  name: z.string(),
  startedAt: z.string(),
});
/** Every recipient of a campaign was sent to, failed or skipped. */
export const CampaignCompleted = defineEvent('campaign.completed', 1, {
  campaignId: z.string(),
  name: z.string(),
  sent: z.int(),
  failed: z.int(),
  skipped: z.int(),
  completedAt: z.string(),
});
