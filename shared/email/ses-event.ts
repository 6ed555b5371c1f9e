import * as z from 'zod/mini';
import { messageTags } from './message-tags';

/**
 * The SES event-publishing record (`detail` of an `aws.ses` event on the default bus), as far as the CRM
 * reads it; every object keeps the fields it does not name (SES adds some over time). Shapes:
 * test/fixtures/ses/ and the SES developer guide, "Contents of event data".
 */
const Mail = z.looseObject({
  timestamp: z.string(),
  messageId: z.string(),
  destination: z.array(z.string()),
  /** Tag values are arrays (SES's own `ses:*` tags and the message tags of the send). */
  tags: z.optional(z.record(z.string(), z.array(z.string()))),
  commonHeaders: z.optional(z.looseObject({ subject: z.optional(z.string()) })),
});

const Recipient = z.looseObject({ emailAddress: z.string(), diagnosticCode: z.optional(z.string()) });

export const SesEventDetail = z.looseObject({
  eventType: z.string(),
  mail: Mail,
  bounce: z.optional(
    z.looseObject({
      bounceType: z.string(),
      bounceSubType: z.optional(z.string()),
      bouncedRecipients: z.array(Recipient),
      timestamp: z.string(),
    }),
  ),
  complaint: z.optional(
    z.looseObject({
      complainedRecipients: z.array(Recipient),
      timestamp: z.string(),
      complaintFeedbackType: z.optional(z.string()),
    }),
  ),
  delivery: z.optional(z.looseObject({ timestamp: z.string(), recipients: z.optional(z.array(z.string())) })),
  open: z.optional(z.looseObject({ timestamp: z.string() })),
  click: z.optional(z.looseObject({ timestamp: z.string(), link: z.string() })),
  reject: z.optional(z.looseObject({ reason: z.optional(z.string()) })),
  failure: z.optional(z.looseObject({ errorMessage: z.optional(z.string()) })),
});
export type SesEventDetail = z.output<typeof SesEventDetail>;

/** The EventBridge envelope SES's events come in. */
export const SesEvent = z.looseObject({
  id: z.string(),
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  time: z.string(),
  detail: SesEventDetail,
});
export type SesEvent = z.output<typeof SesEvent>;

/** Whom and what a message was about, from the message tags the CRM sends it with (message-tags.ts). */
export interface MessageSubject {
  workspaceId: string;
  campaignId?: string;
  contactId?: string;
  kind?: string;
}

export function messageSubjectOf(detail: SesEventDetail): MessageSubject | undefined {
  const tag = (name: string) => detail.mail.tags?.[name]?.[0];
  const workspaceId = tag(messageTags.workspace);
  if (!workspaceId) return undefined;
  const campaignId = tag(messageTags.campaign);
  const contactId = tag(messageTags.contact);
  const kind = tag(messageTags.kind);
  return {
    workspaceId,
    ...(campaignId ? { campaignId } : {}),
    ...(contactId ? { contactId } : {}),
    ...(kind ? { kind } : {}),
  };
}
