import { describe, expect, it } from 'vitest';
import { defaultSlaPolicy, type Ticket, type TicketSlaPolicy } from '../../shared/tickets/ticket';
import {
  addMinutes,
  applyTicketPatch,
  isFirstResponseBreached,
  isLegalTransition,
  isSlaBreached,
  monthOf,
  secondsBetween,
  slaDueTimes,
  ticketStatsOf,
} from '../../shared/tickets/ticket-rules';
import { ticketFiguresWrite } from '../../shared/tickets/ticket-store';

/** Opened Friday 2026-12-04 at 16:30 UTC, high priority under the defaults: 4 h to answer, 1 day to resolve. */
const opened: Ticket = {
  id: '01JEQ3T5Q8W6N4M2P0R7S9V1XA',
  version: 1,
  createdAt: '2026-12-04T16:30:00.000Z',
  updatedAt: '2026-12-04T16:30:00.000Z',
  subject: 'Parcel never arrived',
  status: 'open',
  priority: 'high',
  contactId: '01JEQ3T5Q8W6N4M2P0R7S9V1XB',
  openedBy: 'u-1',
  openedAt: '2026-12-04T16:30:00.000Z',
  firstResponseDueAt: '2026-12-04T20:30:00.000Z',
  slaDueAt: '2026-12-05T16:30:00.000Z',
};

const applied = (
  ticket: Ticket,
  patch: Parameters<typeof applyTicketPatch>[1],
  now: string,
  policy = defaultSlaPolicy,
) => {
  const result = applyTicketPatch(ticket, patch, policy, now);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
};

describe('SLA due times', () => {
  it('adds the priority targets of the policy to the opening time', () => {
    expect(slaDueTimes('2026-12-04T16:30:00.000Z', 'high', defaultSlaPolicy)).toEqual({
      firstResponseDueAt: '2026-12-04T20:30:00.000Z',
      slaDueAt: '2026-12-05T16:30:00.000Z',
    });
    // urgent: 1 h and 4 h, crossing midnight
    expect(slaDueTimes('2026-12-31T22:15:00.000Z', 'urgent', defaultSlaPolicy)).toEqual({
      firstResponseDueAt: '2026-12-31T23:15:00.000Z',
      slaDueAt: '2027-01-01T02:15:00.000Z',
    });
    // low: 1 day and 5 days, across the end of February
    expect(slaDueTimes('2027-02-26T09:00:00.000Z', 'low', defaultSlaPolicy)).toEqual({
      firstResponseDueAt: '2027-02-27T09:00:00.000Z',
      slaDueAt: '2027-03-03T09:00:00.000Z',
    });
  });

  it("uses the workspace's own targets", () => {
    const policy: TicketSlaPolicy = {
      ...defaultSlaPolicy,
      normal: { firstResponseMinutes: 90, resolutionMinutes: 150 },
    };
    expect(slaDueTimes('2026-12-04T10:00:00.000Z', 'normal', policy)).toEqual({
      firstResponseDueAt: '2026-12-04T11:30:00.000Z',
      slaDueAt: '2026-12-04T12:30:00.000Z',
    });
  });

  it('keeps the defaults of a new workspace: urgent 1 h/4 h, high 4 h/1 day, normal 8 h/3 days, low 1 day/5 days', () => {
    expect(defaultSlaPolicy).toEqual({
      urgent: { firstResponseMinutes: 60, resolutionMinutes: 240 },
      high: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
      normal: { firstResponseMinutes: 480, resolutionMinutes: 4320 },
      low: { firstResponseMinutes: 1440, resolutionMinutes: 7200 },
    });
  });

  it('adds minutes and counts whole seconds', () => {
    expect(addMinutes('2026-12-04T23:59:00.000Z', 2)).toBe('2026-12-05T00:01:00.000Z');
    expect(secondsBetween('2026-12-04T16:30:00.000Z', '2026-12-05T10:45:30.900Z')).toBe(65_730);
    expect(secondsBetween('2026-12-05T00:00:00.000Z', '2026-12-04T00:00:00.000Z')).toBe(0);
  });
});

describe('breaches', () => {
  it('is breached when resolved after the due time, or still unresolved past it', () => {
    expect(isSlaBreached({ slaDueAt: opened.slaDueAt }, '2026-12-05T16:29:59.999Z')).toBe(false);
    expect(isSlaBreached({ slaDueAt: opened.slaDueAt }, '2026-12-05T16:30:00.000Z')).toBe(false);
    expect(isSlaBreached({ slaDueAt: opened.slaDueAt }, '2026-12-05T16:30:00.001Z')).toBe(true);
    // resolved in time stays in time, whatever the clock says later
    expect(
      isSlaBreached(
        { slaDueAt: opened.slaDueAt, resolvedAt: '2026-12-05T09:00:00.000Z' },
        '2027-01-01T00:00:00.000Z',
      ),
    ).toBe(false);
    expect(
      isSlaBreached(
        { slaDueAt: opened.slaDueAt, resolvedAt: '2026-12-06T09:00:00.000Z' },
        '2026-12-06T09:00:00.000Z',
      ),
    ).toBe(true);
  });

  it('is a late first response when answered after its due time, or unanswered past it', () => {
    const due = { firstResponseDueAt: opened.firstResponseDueAt };
    expect(isFirstResponseBreached(due, '2026-12-04T20:00:00.000Z')).toBe(false);
    expect(isFirstResponseBreached(due, '2026-12-04T21:00:00.000Z')).toBe(true);
    expect(
      isFirstResponseBreached(
        { ...due, firstRespondedAt: '2026-12-04T18:00:00.000Z' },
        '2026-12-09T00:00:00.000Z',
      ),
    ).toBe(false);
  });
});

describe('status transitions', () => {
  it('allows open → pending → resolved, pending → open and resolved → open, and nothing else', () => {
    const legal = (['open', 'pending', 'resolved'] as const).flatMap((from) =>
      (['open', 'pending', 'resolved'] as const)
        .filter((to) => isLegalTransition(from, to))
        .map((to) => `${from}→${to}`),
    );
    expect(legal).toEqual(['open→pending', 'pending→open', 'pending→resolved', 'resolved→open']);
  });

  it('refuses an illegal move and changes nothing', () => {
    expect(
      applyTicketPatch(opened, { status: 'resolved' }, defaultSlaPolicy, '2026-12-04T17:00:00.000Z'),
    ).toEqual({
      ok: false,
      reason: 'illegal_transition',
    });
  });

  it('records the first response when it leaves open: 1 h 15 min after opening', () => {
    const { next, effects } = applied(opened, { status: 'pending' }, '2026-12-04T17:45:00.000Z');
    expect(next).toMatchObject({
      status: 'pending',
      version: 2,
      firstRespondedAt: '2026-12-04T17:45:00.000Z',
      firstResponseSeconds: 4500,
      updatedAt: '2026-12-04T17:45:00.000Z',
    });
    expect(effects).toEqual({
      firstResponse: true,
      resolved: false,
      reopened: false,
      dueChanged: false,
      changed: ['status'],
    });
  });

  it('records the resolution time from opening, and takes it back on reopen; the first response stays', () => {
    const pending = applied(opened, { status: 'pending' }, '2026-12-04T17:45:00.000Z').next;
    const resolved = applied(pending, { status: 'resolved' }, '2026-12-05T10:45:30.000Z');
    expect(resolved.next).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-12-05T10:45:30.000Z',
      resolutionSeconds: 65_730,
      version: 3,
    });
    expect(resolved.effects).toMatchObject({ resolved: true, firstResponse: false });
    const reopened = applied(resolved.next, { status: 'open' }, '2026-12-07T08:00:00.000Z');
    expect(reopened.next).not.toHaveProperty('resolvedAt');
    expect(reopened.next).not.toHaveProperty('resolutionSeconds');
    expect(reopened.next).toMatchObject({
      status: 'open',
      reopenedAt: '2026-12-07T08:00:00.000Z',
      reopenCount: 1,
      firstRespondedAt: '2026-12-04T17:45:00.000Z',
      // the SLA clock keeps running from the opening
      slaDueAt: '2026-12-05T16:30:00.000Z',
    });
    expect(reopened.effects).toMatchObject({ reopened: true, firstResponse: false, resolved: false });
    // going back to pending after a reopen is not a new first response
    expect(
      applied(reopened.next, { status: 'pending' }, '2026-12-07T09:00:00.000Z').effects.firstResponse,
    ).toBe(false);
  });

  it('moves both due times from the opening when the priority changes', () => {
    const { next, effects } = applied(opened, { priority: 'urgent' }, '2026-12-04T17:00:00.000Z');
    expect(next).toMatchObject({
      priority: 'urgent',
      firstResponseDueAt: '2026-12-04T17:30:00.000Z',
      slaDueAt: '2026-12-04T20:30:00.000Z',
    });
    expect(effects).toMatchObject({ dueChanged: true, changed: ['priority'] });
  });

  it('sets, keeps and clears the assignee and the description', () => {
    const assigned = applied(
      { ...opened, description: 'Ordered on 1 Dec' },
      { assigneeId: 'u-2' },
      '2026-12-04T17:00:00.000Z',
    );
    expect(assigned.next).toMatchObject({ assigneeId: 'u-2', description: 'Ordered on 1 Dec' });
    const cleared = applied(
      assigned.next,
      { assigneeId: null, description: null },
      '2026-12-04T17:05:00.000Z',
    );
    expect(cleared.next).not.toHaveProperty('assigneeId');
    expect(cleared.next).not.toHaveProperty('description');
    expect(cleared.effects.changed).toEqual(['description', 'assigneeId']);
    const emptied = applied(
      { ...opened, description: 'Ordered on 1 Dec' },
      { description: '' },
      '2026-12-04T17:10:00.000Z',
    );
    expect(emptied.next).not.toHaveProperty('description');
  });
});

describe("the month's figures", () => {
  it('averages resolutions and first responses, and counts breaches resolved late and open past due', () => {
    expect(
      ticketStatsOf(
        '2026-12',
        {
          resolvedCount: 3,
          resolutionSecondsTotal: 3600 + 7200 + 10_800,
          resolvedLateCount: 1,
          firstResponseCount: 2,
          firstResponseSecondsTotal: 601,
          firstResponsesLateCount: 0,
        },
        {
          openCount: 5,
          overdueOpenCount: 2,
          nextDue: { ticketId: 'T1', slaDueAt: '2026-12-01T00:00:00.000Z' },
        },
      ),
    ).toEqual({
      month: '2026-12',
      resolvedCount: 3,
      averageResolutionSeconds: 7200,
      resolvedLateCount: 1,
      overdueOpenCount: 2,
      slaBreaches: 3,
      firstResponseCount: 2,
      averageFirstResponseSeconds: 301,
      firstResponsesLateCount: 0,
      openCount: 5,
      nextDue: { ticketId: 'T1', slaDueAt: '2026-12-01T00:00:00.000Z' },
    });
  });

  it('has no averages in a month without resolutions', () => {
    expect(ticketStatsOf('2027-01', {}, { openCount: 0, overdueOpenCount: 0 })).toEqual({
      month: '2027-01',
      resolvedCount: 0,
      resolvedLateCount: 0,
      overdueOpenCount: 0,
      slaBreaches: 0,
      firstResponseCount: 0,
      firstResponsesLateCount: 0,
      openCount: 0,
    });
  });

  it('files a time under its UTC month', () => {
    expect(monthOf('2026-12-31T23:59:59.999Z')).toBe('2026-12');
    expect(monthOf('2027-01-01T00:00:00.000Z')).toBe('2027-01');
  });
});

describe("what a change adds to its month's figures", () => {
  const at = (time: string) => ({ ...opened, version: 2, updatedAt: time });
  const addsOf = (item: ReturnType<typeof ticketFiguresWrite>) => {
    const update = item?.Update;
    if (!update) return undefined;
    const names = update.ExpressionAttributeNames ?? {};
    const values = update.ExpressionAttributeValues ?? {};
    return {
      key: update.Key,
      adds: Object.fromEntries(
        Object.keys(names)
          .filter((name) => name.startsWith('#f'))
          .map((name) => [names[name], values[`:v${name.slice(2)}`]]),
      ),
    };
  };

  it('adds a first response to the month it was given in, late when after its due time', () => {
    const answered = {
      ...at('2026-12-04T21:00:00.000Z'),
      status: 'pending' as const,
      firstRespondedAt: '2026-12-04T21:00:00.000Z',
      firstResponseSeconds: 16_200,
    };
    expect(addsOf(ticketFiguresWrite('crm', 'acme-1', opened, answered))).toEqual({
      key: { pk: 'WS#acme-1#TICKET_STATS#2026-12', sk: 'STATS' },
      adds: { firstResponseCount: 1, firstResponseSecondsTotal: 16_200, firstResponsesLateCount: 1 },
    });
  });

  it('adds a resolution to its month, and a reopen takes it back out of the month it was counted in', () => {
    const pending = { ...opened, status: 'pending' as const, firstRespondedAt: '2026-12-04T17:00:00.000Z' };
    const resolved = {
      ...pending,
      status: 'resolved' as const,
      resolvedAt: '2026-12-05T10:45:30.000Z',
      resolutionSeconds: 65_730,
    };
    expect(addsOf(ticketFiguresWrite('crm', 'acme-1', pending, resolved))?.adds).toEqual({
      resolvedCount: 1,
      resolutionSecondsTotal: 65_730,
    });
    const late = { ...resolved, resolvedAt: '2027-01-02T09:00:00.000Z', resolutionSeconds: 2_478_600 };
    expect(addsOf(ticketFiguresWrite('crm', 'acme-1', pending, late))).toEqual({
      key: { pk: 'WS#acme-1#TICKET_STATS#2027-01', sk: 'STATS' },
      adds: { resolvedCount: 1, resolutionSecondsTotal: 2_478_600, resolvedLateCount: 1 },
    });
    const { resolvedAt: _at, resolutionSeconds: _seconds, ...reopened } = late;
    expect(addsOf(ticketFiguresWrite('crm', 'acme-1', late, { ...reopened, status: 'open' }))).toEqual({
      key: { pk: 'WS#acme-1#TICKET_STATS#2027-01', sk: 'STATS' },
      adds: { resolvedCount: -1, resolutionSecondsTotal: -2_478_600, resolvedLateCount: -1 },
    });
  });

  it('adds nothing for a change of priority, assignee or text', () => {
    expect(
      ticketFiguresWrite('crm', 'acme-1', opened, {
        ...at('2026-12-04T17:00:00.000Z'),
        subject: 'Parcel lost',
      }),
    ).toBeUndefined();
  });
});
