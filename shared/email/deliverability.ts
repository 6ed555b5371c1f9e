import { queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { emailKeys } from './email-keys';
import type { Deliverability } from './email-settings';

/** The workspace's daily sending counters (`DAY#<YYYY-MM-DD>`), kept a little longer than the window. */
export const deliverabilityWindowDays = 30;
const dayStatsKeptDays = 40;

/** SES reviews an account at these rates; we warn at 80 % of each. */
export const reviewThresholds = { bounceRate: 0.05, complaintRate: 0.001 } as const;
const warnAt = 0.8;

export type DayCounter = 'sent' | 'delivered' | 'bounces' | 'softBounces' | 'complaints';

/** The UTC day of an instant. */
export const dayOf = (at: string | Date) => new Date(at).toISOString().slice(0, 10);

/** The Update that counts one event on its day (an ADD: redelivered events are kept out by the caller's dedupe). */
export function dayStatsAdd(tableName: string, workspaceId: string, at: string, counter: DayCounter) {
  const day = dayOf(at);
  return {
    Update: {
      TableName: tableName,
      Key: emailKeys.dayStats(workspaceId, day),
      UpdateExpression: 'SET entity = :entity, #day = :day, expiresAt = :expires ADD #counter :one',
      ExpressionAttributeNames: { '#day': 'day', '#counter': counter },
      ExpressionAttributeValues: {
        ':entity': 'emailDayStats',
        ':day': day,
        ':expires': Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + dayStatsKeptDays * 86_400,
        ':one': 1,
      },
    },
  };
}

function statusOf(rate: number, threshold: number): Deliverability['bounceStatus'] {
  if (rate >= threshold) return 'over';
  return rate >= threshold * warnAt ? 'warning' : 'ok';
}

/** The last 30 days' sent, hard bounces and complaints, and where their rates stand against SES's review. */
export async function getDeliverability(
  { store, clock }: { store: Store; clock: () => Date },
  workspaceId: string,
): Promise<Deliverability> {
  const from = dayOf(new Date(clock().getTime() - (deliverabilityWindowDays - 1) * 86_400_000));
  const { pk } = emailKeys.dayStats(workspaceId, from);
  const days = (await queryAllWithPrefix(store, { pk, skPrefix: 'DAY#' })).filter(
    (item) => String(item.day) >= from,
  );
  const sum = (counter: DayCounter) => days.reduce((total, item) => total + (Number(item[counter]) || 0), 0);
  const sent = sum('sent');
  const bounces = sum('bounces');
  const complaints = sum('complaints');
  const bounceRate = sent === 0 ? 0 : bounces / sent;
  const complaintRate = sent === 0 ? 0 : complaints / sent;
  return {
    windowDays: deliverabilityWindowDays,
    sent,
    bounces,
    complaints,
    bounceRate,
    complaintRate,
    thresholds: { ...reviewThresholds },
    bounceStatus: statusOf(bounceRate, reviewThresholds.bounceRate),
    complaintStatus: statusOf(complaintRate, reviewThresholds.complaintRate),
  };
}
