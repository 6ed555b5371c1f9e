import type { Campaign, CampaignStatus, SkipReason } from '../../../shared/campaigns/campaign';

export const statusLabels: Record<CampaignStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  scheduled: { label: 'Scheduled', color: 'violet' },
  preparing: { label: 'Preparing', color: 'blue' },
  sending: { label: 'Sending', color: 'blue' },
  paused: { label: 'Paused', color: 'yellow' },
  sent: { label: 'Sent', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

export const skipReasonLabels: Record<SkipReason, string> = {
  no_email: 'No email address',
  no_consent: 'No marketing consent',
  unsubscribed: 'Unsubscribed',
  suppressed: 'Suppressed (bounced or complained)',
  excluded: 'Excluded',
};

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

/** A rate the API gives as a fraction (0.031 → "3.1 %"). */
export const formatRate = (rate: number) => percentFormat.format(rate);

/** A moment shown in the workspace's zone, which the page names beside it. */
export function formatInZone(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

/** A local date-time `YYYY-MM-DDTHH:mm` (as the API takes it) shown as people read it, without a shift. */
export function formatLocalDateTime(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const date = new Date(`${local}:00Z`);
  if (Number.isNaN(date.getTime())) return local;
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** The wall-clock time now in `timeZone`, as `YYYY-MM-DDTHH:mm`: a schedule must be later than this. */
export function nowInZone(timeZone: string, now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A share of a whole for a progress bar, 0 when there is no whole yet. */
export const percentOf = (part: number, whole: number) =>
  whole > 0 ? Math.min(100, (part / whole) * 100) : 0;

/** The states in which a campaign's counters move: its page reads them again every 2 s. */
export const runningStatuses: readonly CampaignStatus[] = ['preparing', 'sending', 'paused'];
export const isRunning = (status: CampaignStatus) => runningStatuses.includes(status);

/**
 * The queued recipients not sent (nor failed) yet: still waiting while the campaign runs or is paused,
 * never to be sent once it is cancelled, none once it is sent.
 */
export function notSentYet(campaign: Pick<Campaign, 'status' | 'counters'>): {
  label: 'Waiting' | 'Left unsent';
  count: number;
} {
  const { queued, sent, failed } = campaign.counters;
  const left = campaign.status === 'sent' ? 0 : Math.max(0, queued - sent - failed);
  return { label: campaign.status === 'cancelled' ? 'Left unsent' : 'Waiting', count: left };
}
export const pollEvery = 2_000;

const recentlyMs = 10 * 60_000;

/**
 * Deliveries, opens, clicks and bounces keep arriving after the last message: the report follows every 2 s
 * while the campaign runs, every 5 s in its first ten minutes after, then every minute while it is open.
 */
export function reportRefreshMs(
  campaign: Pick<Campaign, 'status' | 'completedAt'>,
  now = Date.now(),
): number {
  if (isRunning(campaign.status)) return pollEvery;
  const completed = campaign.completedAt ? Date.parse(campaign.completedAt) : Number.NaN;
  return now - completed < recentlyMs ? 5_000 : 60_000;
}

/**
 * A reader's own preference or unsubscribe link, which the report keeps without its personal token (it
 * leads nowhere then): named instead of linked. Undefined for any other link.
 */
export function personalLinkName(url: string): string | undefined {
  if (url.includes('/email/preferences/…'))
    return url.includes('unsubscribe=1') ? 'Unsubscribe link (preference page)' : 'Email preferences page';
  if (url.includes('/api/email/unsubscribe/…')) return 'One-click unsubscribe link';
  return undefined;
}
