import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';

/** What every email event names: the campaign message and its contact (no address: events are kept). */
const message = {
  contactId: z.string(),
  campaignId: z.optional(z.string()),
  messageId: z.string(),
  occurredAt: z.string(),
};

/** A contact opened a campaign message (SES open tracking); `first` on its first open. */
export const EmailOpened = defineEvent('email.opened', 1, { ...message, first: z.boolean() });
/** A contact followed a link of a campaign message; `first` on its first click of the message. */
export const EmailClicked = defineEvent('email.clicked', 1, {
  ...message,
  url: z.string(),
  first: z.boolean(),
});
/** A message bounced: `Permanent` bounces (and a third soft bounce in 7 days) suppress the address. */
export const EmailBounced = defineEvent('email.bounced', 1, {
  ...message,
  bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
  suppressed: z.boolean(),
});
/** The recipient marked a message as spam: the address is suppressed and consent withdrawn. */
export const EmailComplained = defineEvent('email.complained', 1, message);
/** A contact unsubscribed from marketing mail (one click, the preference page, or a member). */
export const EmailUnsubscribed = defineEvent('email.unsubscribed', 1, {
  contactId: z.string(),
  campaignId: z.optional(z.string()),
  source: z.enum(['one_click', 'preference_page', 'member', 'complaint']),
  occurredAt: z.string(),
});
