import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/campaigns/campaign';
import {
  formatLocalDateTime,
  isRunning,
  notSentYet,
  nowInZone,
  percentOf,
  personalLinkName,
  reportRefreshMs,
} from '../../web/src/campaigns/campaign-format';
import {
  audienceOf,
  problemOf,
  valuesOf,
  type WizardValues,
} from '../../web/src/campaigns/campaign-wizard-values';

describe('the campaign pages', () => {
  it("tells the wall-clock time now in the workspace's zone, summer and winter", () => {
    // 07:30 UTC: 08:30 in Berlin in winter (UTC+1), 09:30 in summer (UTC+2); New York the day before in winter
    expect(nowInZone('Europe/Berlin', new Date('2026-12-06T07:30:00Z'))).toBe('2026-12-06T08:30');
    expect(nowInZone('Europe/Berlin', new Date('2026-07-06T07:30:00Z'))).toBe('2026-07-06T09:30');
    expect(nowInZone('America/New_York', new Date('2026-12-06T03:05:00Z'))).toBe('2026-12-05T22:05');
    // midnight is 00, never 24
    expect(nowInZone('UTC', new Date('2026-12-06T00:00:00Z'))).toBe('2026-12-06T00:00');
  });

  it('shows a local schedule as it was entered, whatever zone the browser is in', () => {
    const shown = formatLocalDateTime('2026-12-24T09:00');
    expect(shown).toMatch(/24/);
    expect(shown).toMatch(/9:00|09:00/);
    expect(formatLocalDateTime('not a time')).toBe('not a time');
  });

  it('fills a progress bar by share, never past full, and empty without a whole', () => {
    expect(percentOf(1, 4)).toBe(25);
    expect(percentOf(5, 4)).toBe(100);
    expect(percentOf(3, 0)).toBe(0);
  });

  it('follows a running campaign every 2 s, a just-finished report every 5 s, an old one every minute', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(isRunning('sending')).toBe(true);
    expect(isRunning('sent')).toBe(false);
    expect(reportRefreshMs({ status: 'paused' }, now)).toBe(2_000);
    expect(reportRefreshMs({ status: 'sent', completedAt: '2026-12-06T11:55:00Z' }, now)).toBe(5_000);
    expect(reportRefreshMs({ status: 'sent', completedAt: '2026-12-06T10:00:00Z' }, now)).toBe(60_000);
    expect(reportRefreshMs({ status: 'cancelled' }, now)).toBe(60_000);
  });
});

describe('the campaign wizard', () => {
  const values = (change: Partial<WizardValues>): WizardValues => ({ ...valuesOf(undefined), ...change });

  it('builds the audience: lists in, lists and tags out; none without a list', () => {
    expect(audienceOf(values({}))).toBeUndefined();
    expect(audienceOf(values({ include: ['L1', 'L2'], excludeLists: ['L3'], excludeTags: ['vip'] }))).toEqual(
      {
        include: [
          { kind: 'list', listId: 'L1' },
          { kind: 'list', listId: 'L2' },
        ],
        exclude: [
          { kind: 'list', listId: 'L3' },
          { kind: 'tag', tag: 'vip' },
        ],
      },
    );
  });

  it('reads a stored campaign back into its steps', () => {
    const campaign = {
      name: 'Winter sale',
      templateId: 'T1',
      audience: {
        include: [{ kind: 'list', listId: 'L1' }],
        exclude: [
          { kind: 'tag', tag: 'staff' },
          { kind: 'list', listId: 'L9' },
        ],
      },
      schedule: { sendAt: '2026-12-24T09:00', timeZone: 'Europe/Berlin', sendAtUtc: '2026-12-24T08:00:00Z' },
      sendRatePerSecond: 5,
    } as Campaign;
    expect(valuesOf(campaign)).toEqual({
      name: 'Winter sale',
      include: ['L1'],
      excludeLists: ['L9'],
      excludeTags: ['staff'],
      templateId: 'T1',
      when: 'later',
      sendAt: '2026-12-24T09:00',
      sendRate: 5,
    });
    expect(valuesOf(undefined).sendRate).toBe('');
  });

  it('tells how many queued recipients still wait, none once sent, and what a cancel left unsent', () => {
    const counters = { audience: 10, queued: 8, sent: 3, failed: 1, skipped: 2 } as Campaign['counters'];
    expect(notSentYet({ status: 'sending', counters })).toEqual({ label: 'Waiting', count: 4 });
    expect(notSentYet({ status: 'paused', counters })).toEqual({ label: 'Waiting', count: 4 });
    expect(notSentYet({ status: 'cancelled', counters })).toEqual({ label: 'Left unsent', count: 4 });
    expect(notSentYet({ status: 'sent', counters })).toEqual({ label: 'Waiting', count: 0 });
  });

  it("names a reader's own preference and unsubscribe links instead of linking them", () => {
    expect(personalLinkName('https://crm.example.com/email/preferences/…?unsubscribe=1')).toBe(
      'Unsubscribe link (preference page)',
    );
    expect(personalLinkName('https://crm.example.com/email/preferences/…')).toBe('Email preferences page');
    expect(personalLinkName('https://crm.example.com/api/email/unsubscribe/…')).toBe(
      'One-click unsubscribe link',
    );
    expect(personalLinkName('https://shop.example.com/jackets')).toBeUndefined();
  });

  it('stops each step at what is missing, in words', () => {
    expect(problemOf(0, values({ include: ['L1'] }), 'UTC')).toBe('Give the campaign a name.');
    expect(problemOf(0, values({ name: 'Sale' }), 'UTC')).toBe('Choose at least one list to send to.');
    expect(problemOf(0, values({ name: 'Sale', include: ['L1'], excludeTags: ['a#b'] }), 'UTC')).toBe(
      'Tags cannot contain # or commas.',
    );
    expect(problemOf(0, values({ name: 'Sale', include: ['L1'] }), 'UTC')).toBeUndefined();
    expect(problemOf(1, values({}), 'UTC')).toBe('Choose a template.');
    expect(problemOf(2, values({}), undefined)).toBe('An admin must set up the email settings first.');
    expect(problemOf(2, values({ when: 'now' }), 'UTC')).toBeUndefined();
    expect(problemOf(2, values({ when: 'later', sendAt: '' }), 'UTC')).toBe(
      'Give the date and time to send at.',
    );
    expect(problemOf(2, values({ when: 'later', sendAt: '2000-01-01T09:00' }), 'Europe/Berlin')).toBe(
      'Choose a time after now (Europe/Berlin).',
    );
    expect(
      problemOf(2, values({ when: 'later', sendAt: '2999-01-01T09:00' }), 'Europe/Berlin'),
    ).toBeUndefined();
    expect(problemOf(2, values({ when: 'now', sendRate: 0 }), 'UTC')).toMatch(/^Send rate: /);
    expect(problemOf(2, values({ when: 'now', sendRate: 1001 }), 'UTC')).toBe(
      'Send rate: At most 1000 messages a second.',
    );
    expect(problemOf(2, values({ when: 'now', sendRate: 20 }), 'UTC')).toBeUndefined();
  });
});
