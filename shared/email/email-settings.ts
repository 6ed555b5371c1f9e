import * as z from 'zod/mini';
import { EmailAddress } from '../contacts/email-address';
import { singleLine } from '../platform/single-line-text';
import { RecordId } from '../records/record-fields';
import { TimeZone } from '../tasks/task';

/**
 * How the workspace sends marketing mail (decision 170): who it comes from (an address on the deployment's
 * verified SES domain), where replies go, the postal address every marketing message must show, and the
 * workspace's time zone (campaign schedules and reports). Admins keep it; a workspace without it cannot
 * schedule a campaign (`email.settings_missing`).
 */
export const EmailSettingsInput = z.strictObject({
  fromName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Give the name mail comes from.'),
      z.maxLength(100, 'Keep the name to 100 characters.'),
      singleLine(),
    ),
  /** Must be on the deployment's sending domain (SES_DOMAIN; any address locally). */
  fromAddress: EmailAddress,
  replyTo: z.optional(EmailAddress),
  postalAddress: z
    .string()
    .check(
      z.trim(),
      z.minLength(5, 'Marketing mail must show a postal address.'),
      z.maxLength(300, 'Keep the postal address to 300 characters.'),
    ),
  timeZone: TimeZone,
});
export type EmailSettingsInput = z.output<typeof EmailSettingsInput>;

export const EmailSettings = z.object({
  fromName: z.string(),
  fromAddress: z.string(),
  replyTo: z.optional(z.string()),
  postalAddress: z.string(),
  timeZone: z.string(),
  /** The deployment's sending domain, when it has one: `fromAddress` must be on it. */
  sendingDomain: z.optional(z.string()),
  /** The deployment's SES send rate (messages a second), shared by every campaign. */
  maxSendRate: z.number(),
  version: z.int(),
  updatedAt: z.string(),
});
export type EmailSettings = z.output<typeof EmailSettings>;

/** Why an address is on the suppression list. */
export const SuppressionReason = z.enum(['hard_bounce', 'soft_bounces', 'complaint', 'manual']);
export type SuppressionReason = z.output<typeof SuppressionReason>;

/**
 * A suppressed address: never mailed again by a campaign. Keyed by the SHA-256 of the lower-cased address;
 * `email` is kept for the list's readers until the person is erased, the hash for ever.
 */
export const Suppression = z.object({
  addressHash: z.string(),
  email: z.optional(z.string()),
  reason: SuppressionReason,
  suppressedAt: z.string(),
  /** The bounce or complaint that caused it: campaign, SES message id, diagnostic. */
  campaignId: z.optional(z.string()),
  messageId: z.optional(z.string()),
  detail: z.optional(z.string()),
});
export type Suppression = z.output<typeof Suppression>;

export const SuppressionInput = z.strictObject({ email: EmailAddress });
export const SuppressionPath = z.object({
  addressHash: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'This is not an address hash.')),
});
export const SuppressionPage = z.object({
  items: z.array(Suppression),
  nextCursor: z.optional(z.string()),
});

/** The workspace's bounce and complaint rates over the last 30 days against SES's review thresholds. */
export const Deliverability = z.object({
  windowDays: z.int(),
  sent: z.int(),
  bounces: z.int(),
  complaints: z.int(),
  bounceRate: z.number(),
  complaintRate: z.number(),
  /** SES reviews an account at 5 % bounces and 0.1 % complaints; we warn at 80 % of each. */
  thresholds: z.object({ bounceRate: z.number(), complaintRate: z.number() }),
  bounceStatus: z.enum(['ok', 'warning', 'over']),
  complaintStatus: z.enum(['ok', 'warning', 'over']),
});
export type Deliverability = z.output<typeof Deliverability>;

/** Where a consent change came from. */
export const ConsentChangeSource = z.enum(['form', 'member', 'one_click', 'preference_page', 'complaint']);
export type ConsentChangeSource = z.output<typeof ConsentChangeSource>;

/** A contact's marketing email state: only `subscribed` contacts receive campaigns. */
export const EmailPreferences = z.object({
  contactId: z.string(),
  marketing: z.enum(['subscribed', 'unsubscribed', 'none']),
  changedAt: z.optional(z.string()),
  source: z.optional(ConsentChangeSource),
  /** Why a member recorded it, or the campaign an unsubscribe came from. */
  note: z.optional(z.string()),
  campaignId: z.optional(z.string()),
});
export type EmailPreferences = z.output<typeof EmailPreferences>;

/** A member records consent given elsewhere (must say where), or withdraws it on the contact's request. */
export const EmailPreferencesInput = z.strictObject({
  marketing: z.enum(['subscribed', 'unsubscribed']),
  note: z
    .string()
    .check(
      z.trim(),
      z.minLength(3, 'Say where the consent was given or withdrawn.'),
      z.maxLength(300),
      singleLine(),
    ),
});

/** The public preference page's view: no address in full, the lists the contact is on or may rejoin. */
export const PreferencePage = z.object({
  workspaceName: z.optional(z.string()),
  maskedEmail: z.string(),
  unsubscribedFromAll: z.boolean(),
  lists: z.array(z.object({ listId: z.string(), name: z.string(), subscribed: z.boolean() })),
});
export type PreferencePage = z.output<typeof PreferencePage>;

export const PreferencePageInput = z.strictObject({
  unsubscribeFromAll: z.boolean(),
  lists: z.array(z.strictObject({ listId: RecordId, subscribed: z.boolean() })).check(z.maxLength(100)),
});

/** The signed token of an unsubscribe link: `<workspaceId>.<payload>.<signature>` (base64url parts). */
export const UnsubscribeTokenPath = z.object({
  token: z
    .string()
    .check(z.minLength(10), z.maxLength(400), z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)),
});

/** RFC 8058: the one-click POST's form body. */
export const OneClickUnsubscribeBody = z.strictObject({ 'List-Unsubscribe': z.literal('One-Click') });
export const UnsubscribeResult = z.object({ unsubscribed: z.boolean() });
