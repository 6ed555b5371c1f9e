import { describe, expect, it } from 'vitest';
import { allows, campaignActions, resumedStatus } from '../../shared/campaigns/campaign-state';
import { localTimeToUtc } from '../../shared/campaigns/local-time';
import { statsHour } from '../../shared/campaigns/record-sent';
import {
  effectiveRate,
  halvedRateForMs,
  isPermanentRejection,
  isThrottling,
  maxSendConcurrency,
  sendConcurrency,
  throttleBackoffMs,
} from '../../shared/campaigns/send-pacing';
import { windowOf } from '../../shared/platform/rate-limit';

describe('a local send time in the workspace zone', () => {
  it('is the UTC instant of that wall-clock time, winter and summer', () => {
    expect(localTimeToUtc('2026-12-24T09:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-12-24T08:00:00.000Z',
    );
    expect(localTimeToUtc('2026-07-01T09:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(localTimeToUtc('2026-07-01T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(localTimeToUtc('2026-07-01T09:00', 'Asia/Kolkata')?.toISOString()).toBe(
      '2026-07-01T03:30:00.000Z',
    );
    expect(localTimeToUtc('2026-07-01T09:00', 'UTC')?.toISOString()).toBe('2026-07-01T09:00:00.000Z');
  });

  it('moves a time skipped by the spring DST change forward by the gap', () => {
    // Berlin, 29 March 2026: 02:00 → 03:00
    expect(localTimeToUtc('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(localTimeToUtc('2026-03-29T03:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // New York, 8 March 2026: 02:00 → 03:00
    expect(localTimeToUtc('2026-03-08T02:15', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T07:15:00.000Z',
    );
  });

  it('takes the first of a time that happens twice when clocks go back', () => {
    // Berlin, 25 October 2026: 03:00 → 02:00, so 02:30 is at 00:30Z and again at 01:30Z
    expect(localTimeToUtc('2026-10-25T02:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('refuses a date that does not exist', () => {
    expect(localTimeToUtc('2026-02-30T09:00', 'Europe/Berlin')).toBeUndefined();
    expect(localTimeToUtc('2026-02-10T24:00', 'Europe/Berlin')).toBeUndefined();
    expect(localTimeToUtc('tomorrow', 'Europe/Berlin')).toBeUndefined();
  });
});

describe('campaign state transitions', () => {
  it('let only a draft or scheduled campaign change or be scheduled', () => {
    for (const status of ['draft', 'scheduled'] as const) {
      expect(allows('edit', status)).toBe(true);
      expect(allows('schedule', status)).toBe(true);
    }
    for (const status of ['preparing', 'sending', 'paused', 'sent', 'cancelled'] as const) {
      expect(allows('edit', status)).toBe(false);
      expect(allows('schedule', status)).toBe(false);
    }
  });

  it('pause a running campaign, resume a paused one, cancel anything before sent', () => {
    expect(campaignActions.pause).toEqual(['preparing', 'sending']);
    expect(campaignActions.resume).toEqual(['paused']);
    expect(allows('cancel', 'sent')).toBe(false);
    expect(allows('cancel', 'cancelled')).toBe(false);
    for (const status of ['draft', 'scheduled', 'preparing', 'sending', 'paused'] as const)
      expect(allows('cancel', status)).toBe(true);
    expect(allows('delete', 'sending')).toBe(false);
    expect(allows('delete', 'cancelled')).toBe(true);
  });

  it('resume into preparing when the audience was not all read yet', () => {
    expect(resumedStatus(false)).toBe('preparing');
    expect(resumedStatus(true)).toBe('sending');
  });
});

describe('send pacing', () => {
  it('backs off exponentially from 200 ms after a throttle, up to 10 s', () => {
    expect([1, 2, 3, 4].map(throttleBackoffMs)).toEqual([200, 400, 800, 1600]);
    expect(throttleBackoffMs(20)).toBe(10_000);
  });

  it('sends at the lower of the quota and the campaign rate, halved for a minute after a throttle', () => {
    const now = 1_800_000_000_000;
    expect(effectiveRate({ quota: 14 }, now)).toBe(14);
    expect(effectiveRate({ quota: 14, campaignRate: 5 }, now)).toBe(5);
    expect(effectiveRate({ quota: 14, campaignRate: 50 }, now)).toBe(14);
    expect(effectiveRate({ quota: 14, throttledAt: now - 1000 }, now)).toBe(7);
    expect(effectiveRate({ quota: 14, throttledAt: now - halvedRateForMs }, now)).toBe(14);
    expect(effectiveRate({ quota: 1, throttledAt: now }, now)).toBe(1);
  });

  it('keeps a few messages under way at once: rate / 5, at least 1, at most 8', () => {
    expect(sendConcurrency(14)).toBe(3);
    expect(sendConcurrency(14, 2)).toBe(1);
    expect(sendConcurrency(1)).toBe(1);
    expect(sendConcurrency(50, 20)).toBe(4);
    expect(sendConcurrency(200)).toBe(maxSendConcurrency);
  });

  it('counts one-second windows that the whole deployment shares', () => {
    expect(windowOf({ limit: 14, windowSeconds: 1 }, new Date(1_800_000_000_400))).toEqual({
      start: 1_800_000_000,
      retryAfterSeconds: 1,
    });
  });

  it('tells throttling from permanent rejections and from anything else', () => {
    expect(isThrottling({ name: 'TooManyRequestsException' })).toBe(true);
    expect(isThrottling({ name: 'ThrottlingException' })).toBe(true);
    expect(isThrottling({ name: 'Throttling', message: 'Maximum sending rate exceeded.' })).toBe(true);
    expect(isThrottling({ name: 'Error', message: 'Maximum sending rate exceeded.' })).toBe(true);
    expect(isThrottling({ name: 'MessageRejected' })).toBe(false);
    expect(isPermanentRejection({ name: 'MessageRejected' })).toBe(true);
    expect(isPermanentRejection({ name: 'TooManyRequestsException' })).toBe(false);
    expect(isPermanentRejection(new Error('socket hang up'))).toBe(false);
  });

  it('files sends by their UTC hour for the report', () => {
    expect(statsHour('2026-12-24T08:59:59.999Z')).toBe('2026-12-24T08');
  });
});
