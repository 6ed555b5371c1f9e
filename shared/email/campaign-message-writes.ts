import { createHash } from 'node:crypto';
import { timelineEntryPut } from '../activities/timeline-item';
import { campaignsKeys } from '../campaigns/campaigns-keys';
import { statsHour } from '../campaigns/record-sent';
import { ulidDigits, ulidTime } from '../platform/ids';
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
