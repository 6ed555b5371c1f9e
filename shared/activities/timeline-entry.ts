import * as z from 'zod/mini';
import { Consent } from '../consents/consent';
import { Contact } from '../contacts/contact';
import { CampaignEmailEntry, campaignEmailEntryTypes } from '../email/campaign-email-entry';
import { SubmissionActivity } from '../forms/submission-activity';
import { OrderTimelineEntry } from '../orders/order-timeline-entry';
import { listQueryShape } from '../records/record-fields';
import { CallEntry, EmailEntry, MeetingEntry, NoteEntry } from './activity';
import { OpenWorkEntry } from './open-work';
import { DealTimelineEntry, TicketTimelineEntry } from './work-timeline-entries';

/**
 * One entry of a timeline, whatever wrote it: an activity someone logged, a form submission (with the
 * consent it gave, as it is now), an order, a ticket opened, resolved or reopened, a deal created, moved, won or lost, a campaign mail sent and what its contact did with it. Told apart by `type`.
 */
export const FormSubmittedEntry = z.extend(SubmissionActivity, { consent: z.optional(Consent) });
export type FormSubmittedEntry = z.output<typeof FormSubmittedEntry>;

export const TimelineEntry = z.discriminatedUnion('type', [
  NoteEntry,
  CallEntry,
  MeetingEntry,
  EmailEntry,
  FormSubmittedEntry,
  OrderTimelineEntry,
  TicketTimelineEntry,
  DealTimelineEntry,
  CampaignEmailEntry,
]);
export type TimelineEntry = z.output<typeof TimelineEntry>;

/** Every type a timeline can be filtered by. */
export const timelineEntryTypes = [
  'note',
  'call',
  'meeting',
  'email',
  'form.submitted',
  'order.placed',
  'ticket.opened',
  'ticket.resolved',
  'ticket.reopened',
  'deal.created',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  ...campaignEmailEntryTypes,
] as const;
export const TimelineEntryType = z.enum(timelineEntryTypes);
export type TimelineEntryType = z.output<typeof TimelineEntryType>;

export const TimelineQuery = z.strictObject({
  limit: listQueryShape.limit,
  cursor: listQueryShape.cursor,
  /** One type only. A company's filtered page may hold fewer than `limit` entries and still go on. */
  type: z.optional(TimelineEntryType),
});
export type TimelineQuery = z.output<typeof TimelineQuery>;

export const TimelinePage = z.object({
  items: z.array(TimelineEntry),
  nextCursor: z.optional(z.string()),
});
export type TimelinePage = z.output<typeof TimelinePage>;

/** How many of the newest entries the overview shows. */
export const overviewActivityCount = 20;

/** A contact at a glance, from one Query: itself, its newest entries and its open work. */
export const ContactOverview = z.object({
  contact: Contact,
  activities: z.array(TimelineEntry),
  openTasks: z.array(OpenWorkEntry),
  openTickets: z.array(OpenWorkEntry),
  openDeals: z.array(OpenWorkEntry),
});
export type ContactOverview = z.output<typeof ContactOverview>;
