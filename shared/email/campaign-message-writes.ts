import { createHash } from 'node:crypto';
import { timelineEntryPut } from '../activities/timeline-item';
import { campaignsKeys } from '../campaigns/campaigns-keys';
import { statsHour } from '../campaigns/record-sent';
import { ulidDigits, ulidTime } from '../platform/ids';
import { recordKeys } from '../records/record-keys';
import { batchGetItems } from '../store/queries';
import type { Store } from '../store/store';
import type { TransactItem } from '../store/transactions';
import type { CampaignEmailEntry } from './campaign-email-entry';

/**
 * What SES events add to a campaign (decision 170), under the names the campaign report reads: on the
 * campaign item `counters.<name>` (ADD only), on its hour item `STATS#<hour>` and link item `LINK#<hash>`
 * plain attributes of the same names.
 */
export type CampaignCounter =
  | 'delivered'
  | 'opens'
  | 'uniqueOpens'
  | 'clicks'
  | 'uniqueClicks'
  | 'bounces'
  | 'complaints'
  | 'unsubscribes'
  | 'failed';

/**
 * A clicked link as the report and the timeline keep it: a reader's own preference or unsubscribe link
 * carries a personal token, so it is one link for every reader, without the token (`…/email/preferences/…`).
 */
export function reportedLink(url: string): string {
  return url.replace(/(\/email\/preferences\/|\/api\/email\/unsubscribe\/)[^/?#]+/, '$1…');
}

/** The link item's key part: the first 32 hex digits of the SHA-256 of the URL. */
export const urlHashOf = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 32);

/**
 * A ULID at the event's time whose random part comes from the event's id: the same event always makes the
 * same timeline entry, so a redelivery that got past the dedupe fails the entry's put condition.
 */
export function entryIdOf(at: string, eventId: string): string {
  const time = Date.parse(at);
  const bytes = createHash('sha256').update(eventId).digest();
  let random = '';
  for (let at = 0; at < 16; at++) random += ulidDigits[(bytes[at] ?? 0) % 32];
  return ulidTime(Number.isFinite(time) ? time : 0) + random;
}

const addExpression = (counters: readonly CampaignCounter[], prefix = '') =>
  counters.map((_name, at) => `${prefix}#c${at} :one`).join(', ');

const counterNames = (counters: readonly CampaignCounter[]) =>
  Object.fromEntries(counters.map((name, at) => [`#c${at}`, name]));

/** ADD 1 to the campaign's `counters.<name>`s (the campaign must still exist). */
export function campaignCountersAdd(
  tableName: string,
  workspaceId: string,
  campaignId: string,
  counters: readonly CampaignCounter[],
  by = 1,
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: campaignsKeys.campaign(workspaceId, campaignId),
      UpdateExpression: `ADD ${addExpression(counters, 'counters.')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: counterNames(counters),
      ExpressionAttributeValues: { ':one': by },
    },
  };
}

/** ADD 1 to the hour item's counters (the report's chart over time). */
export function hourStatsAdd(
  tableName: string,
  workspaceId: string,
  campaignId: string,
  at: string,
  counters: readonly CampaignCounter[],
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: campaignsKeys.hourStats(workspaceId, campaignId, statsHour(at)),
      UpdateExpression: `SET entity = :entity ADD ${addExpression(counters)}`,
      ExpressionAttributeNames: counterNames(counters),
      ExpressionAttributeValues: { ':one': 1, ':entity': 'campaignHourStats' },
    },
  };
}

/** ADD to a link's clicks (and unique clicks on a recipient's first click of it). */
export function linkStatsAdd(
  tableName: string,
  workspaceId: string,
  campaignId: string,
  url: string,
  firstForRecipient: boolean,
): TransactItem {
  const counters: CampaignCounter[] = firstForRecipient ? ['clicks', 'uniqueClicks'] : ['clicks'];
  return {
    Update: {
      TableName: tableName,
      Key: campaignsKeys.linkStats(workspaceId, campaignId, urlHashOf(url)),
      UpdateExpression: `SET entity = :entity, #url = :url ADD ${addExpression(counters)}`,
      ExpressionAttributeNames: { ...counterNames(counters), '#url': 'url' },
      ExpressionAttributeValues: { ':one': 1, ':entity': 'campaignLinkStats', ':url': url },
    },
  };
}

/** The contact's timeline entry of what it did with a campaign mail (the campaign names it). */
export function campaignEntryPut(
  tableName: string,
  workspaceId: string,
  entry: CampaignEmailEntry & { companyId?: string },
): TransactItem {
  return timelineEntryPut(tableName, workspaceId, entry);
}

/** A campaign mail's context: the campaign's name and the contact's company, for timeline entries. */
export interface CampaignMessage {
  workspaceId: string;
  campaignId: string;
  contactId: string;
  messageId: string;
  campaignName: string;
  subject: string;
  companyId?: string;
  recipient?: Record<string, unknown>;
}

/**
 * The campaign mail one contact got, read in one BatchGet (the campaign, the recipient's send record, the
 * contact's company): undefined when the campaign is gone, or no message id is known (from SES's event, else
 * the send record: a recipient never sent to has none).
 */
export async function campaignMessageOf(
  store: Store,
  { workspaceId, campaignId, contactId }: { workspaceId: string; campaignId: string; contactId: string },
  mail: { messageId?: string; subject?: string | undefined } = {},
): Promise<CampaignMessage | undefined> {
  const keys = [
    campaignsKeys.campaign(workspaceId, campaignId),
    campaignsKeys.recipient(workspaceId, campaignId, contactId),
    recordKeys.record(workspaceId, 'CONTACT', contactId),
  ];
  const items = await batchGetItems(store, keys);
  const find = (key: { pk: string; sk: string }) =>
    items.find((item) => item.pk === key.pk && item.sk === key.sk);
  const [campaign, recipient, contact] = keys.map(find);
  const messageId = mail.messageId ?? (typeof recipient?.messageId === 'string' ? recipient.messageId : '');
  if (!campaign || !messageId) return undefined;
  return {
    workspaceId,
    campaignId,
    contactId,
    messageId,
    campaignName: String(campaign.name ?? ''),
    subject: mail.subject ?? String(campaign.subject ?? ''),
    ...(typeof contact?.companyId === 'string' ? { companyId: contact.companyId } : {}),
    ...(recipient ? { recipient } : {}),
  };
}

/** The timeline entry of one thing that happened to a campaign mail; the same event always makes the same id. */
export function entryOf(
  message: CampaignMessage,
  type: CampaignEmailEntry['type'],
  occurredAt: string,
  eventId: string,
  now: Date,
  extra: Pick<CampaignEmailEntry, 'url' | 'bounceType'> = {},
): CampaignEmailEntry & { companyId?: string } {
  return {
    id: entryIdOf(occurredAt, `${eventId}#${type}`),
    type,
    contactId: message.contactId,
    occurredAt,
    recordedAt: now.toISOString(),
    campaignId: message.campaignId,
    campaignName: message.campaignName,
    subject: message.subject,
    messageId: message.messageId,
    ...extra,
    ...(message.companyId ? { companyId: message.companyId } : {}),
  };
}

/** The recipient's first `<attribute>`: set only if absent (false when it was there: not the first). */
export function firstOnRecipient(
  tableName: string,
  message: CampaignMessage,
  attribute: string,
  at: string,
  set: Record<string, unknown> = {},
): TransactItem {
  const names = Object.keys(set);
  return {
    Update: {
      TableName: tableName,
      Key: campaignsKeys.recipient(message.workspaceId, message.campaignId, message.contactId),
      UpdateExpression: `SET #first = :at${names.map((_name, i) => `, #s${i} = :s${i}`).join('')}`,
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#first)',
      ExpressionAttributeNames: {
        '#first': attribute,
        ...Object.fromEntries(names.map((name, i) => [`#s${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':at': at,
        ...Object.fromEntries(names.map((name, i) => [`:s${i}`, set[name]])),
      },
    },
  };
}

/**
 * What an unsubscribe from a campaign mail's link adds to that campaign, for the consent change's
 * transaction: the recipient's `unsubscribedAt` (first only: its condition comes first), the campaign's and
 * the hour's `unsubscribes`, and a `campaign_email.unsubscribed` entry on the contact's timeline. None when
 * the campaign is gone or never sent this contact the mail.
 */
export async function campaignUnsubscribeWrites(
  store: Store,
  recipient: { workspaceId: string; campaignId: string; contactId: string },
  now: Date,
): Promise<TransactItem[]> {
  // the subject as merged for this reader is not kept: the entry names the campaign only
  const message = await campaignMessageOf(store, recipient, { subject: '' });
  if (!message?.recipient || message.recipient.unsubscribedAt !== undefined) return [];
  const at = now.toISOString();
  const { tableName } = store;
  return [
    firstOnRecipient(tableName, message, 'unsubscribedAt', at),
    campaignCountersAdd(tableName, message.workspaceId, message.campaignId, ['unsubscribes']),
    hourStatsAdd(tableName, message.workspaceId, message.campaignId, at, ['unsubscribes']),
    campaignEntryPut(
      tableName,
      message.workspaceId,
      entryOf(message, 'campaign_email.unsubscribed', at, `unsubscribe#${message.messageId}`, now),
    ),
  ];
}
