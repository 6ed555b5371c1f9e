import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidScheduleExpressionError,
  nextRun,
  parseSchedule,
} from '../../infra/local/event-bus/schedule-expression';

const at = (iso: string) => new Date(iso);
const next = (expression: string, after: string) => nextRun(expression, at(after))?.toISOString();

/** The next `count` runs after `after`, each found from the previous one. */
function runs(expression: string, after: string, count: number): string[] {
  const found: string[] = [];
  let time = at(after);
  for (let index = 0; index < count; index++) {
    const run = nextRun(expression, time);
    if (!run) break;
    found.push(run.toISOString());
    time = run;
  }
  return found;
}

// 2025-05-14 is a Wednesday; every time below is UTC, as EventBridge schedules are
describe('cron: the examples of the EventBridge user guide ("Cron expressions reference")', () => {
  it('cron(0 10 * * ? *) runs at 10:00 every day, strictly after the given time', () => {
    expect(next('cron(0 10 * * ? *)', '2025-05-14T09:59:59Z')).toBe('2025-05-14T10:00:00.000Z');
    expect(next('cron(0 10 * * ? *)', '2025-05-14T10:00:00Z')).toBe('2025-05-15T10:00:00.000Z');
  });

  it('cron(15 12 * * ? *) runs at 12:15 every day', () => {
    expect(next('cron(15 12 * * ? *)', '2025-05-14T12:15:30Z')).toBe('2025-05-15T12:15:00.000Z');
  });

  it('cron(0 18 ? * MON-FRI *) runs at 18:00 on weekdays: after Friday comes Monday', () => {
    expect(next('cron(0 18 ? * MON-FRI *)', '2025-05-16T18:00:00Z')).toBe('2025-05-19T18:00:00.000Z');
  });

  it('cron(0 8 1 * ? *) runs at 08:00 on the first of the month, across the year end', () => {
    expect(next('cron(0 8 1 * ? *)', '2025-05-14T00:00:00Z')).toBe('2025-06-01T08:00:00.000Z');
    expect(next('cron(0 8 1 * ? *)', '2025-12-01T08:00:00Z')).toBe('2026-01-01T08:00:00.000Z');
  });

  it('cron(0/15 * * * ? *) runs every 15 minutes', () => {
    expect(runs('cron(0/15 * * * ? *)', '2025-05-14T10:07:12Z', 4)).toEqual([
      '2025-05-14T10:15:00.000Z',
      '2025-05-14T10:30:00.000Z',
      '2025-05-14T10:45:00.000Z',
      '2025-05-14T11:00:00.000Z',
    ]);
  });

  it('cron(0/10 * ? * MON-FRI *) runs every 10 minutes on weekdays only', () => {
    expect(next('cron(0/10 * ? * MON-FRI *)', '2025-05-16T23:55:00Z')).toBe('2025-05-19T00:00:00.000Z');
  });

  it('cron(0/5 8-17 ? * MON-FRI *) runs every 5 minutes from 08:00 to 17:55 on weekdays', () => {
    const day = runs('cron(0/5 8-17 ? * MON-FRI *)', '2025-05-14T00:00:00Z', 121);
    expect(day[0]).toBe('2025-05-14T08:00:00.000Z');
    expect(day[119]).toBe('2025-05-14T17:55:00.000Z');
    expect(day[120]).toBe('2025-05-15T08:00:00.000Z');
  });

  it('cron(0 9 ? * 2#1 *) runs at 09:00 on the first Monday of the month', () => {
    expect(next('cron(0 9 ? * 2#1 *)', '2025-05-14T00:00:00Z')).toBe('2025-06-02T09:00:00.000Z');
  });

  it('1/10 in the minutes field means the 1st, 11th, 21st... minute', () => {
    expect(runs('cron(1/10 * * * ? *)', '2025-05-14T10:00:00Z', 7).map((run) => run.slice(11, 16))).toEqual([
      '10:01',
      '10:11',
      '10:21',
      '10:31',
      '10:41',
      '10:51',
      '11:01',
    ]);
  });
});

describe('cron: fields, lists, ranges and steps', () => {
  it('counts day-of-week 1-7 from Sunday, unlike Unix cron, and takes the names SUN-SAT', () => {
    expect(next('cron(0 12 ? * 1 *)', '2025-05-14T00:00:00Z')).toBe('2025-05-18T12:00:00.000Z');
    expect(next('cron(0 12 ? * SUN *)', '2025-05-14T00:00:00Z')).toBe('2025-05-18T12:00:00.000Z');
    expect(next('cron(0 12 ? * 7 *)', '2025-05-14T00:00:00Z')).toBe('2025-05-17T12:00:00.000Z');
    expect(next('cron(0 12 ? * sat *)', '2025-05-14T00:00:00Z')).toBe('2025-05-17T12:00:00.000Z');
  });

  it('takes lists of month names and of hours', () => {
    expect(next('cron(0 10 1 JAN,APR,JUL,OCT ? *)', '2025-05-14T00:00:00Z')).toBe('2025-07-01T10:00:00.000Z');
    expect(runs('cron(0 8,12,17 * * ? *)', '2025-05-14T09:00:00Z', 3)).toEqual([
      '2025-05-14T12:00:00.000Z',
      '2025-05-14T17:00:00.000Z',
      '2025-05-15T08:00:00.000Z',
    ]);
  });

  it('takes a stepped range and */n', () => {
    expect(
      runs('cron(10-40/15 * * * ? *)', '2025-05-14T10:00:00Z', 4).map((run) => run.slice(14, 16)),
    ).toEqual(['10', '25', '40', '10']);
    expect(runs('cron(*/20 * * * ? *)', '2025-05-14T10:00:00Z', 3).map((run) => run.slice(14, 16))).toEqual([
      '20',
      '40',
      '00',
    ]);
  });

  it('runs only in the listed years, and never again after the last one', () => {
    expect(next('cron(0 0 1 1 ? 2030)', '2025-05-14T00:00:00Z')).toBe('2030-01-01T00:00:00.000Z');
    expect(next('cron(0 0 1 1 ? 2030)', '2030-01-01T00:00:00Z')).toBeUndefined();
    expect(next('cron(0 10 ? * 6L 2002-2005)', '2025-05-14T00:00:00Z')).toBeUndefined();
  });

  it('gives no run for a date that never exists', () => {
    expect(next('cron(0 0 30 2 ? *)', '2025-05-14T00:00:00Z')).toBeUndefined();
  });
});

describe('cron: L, W and #', () => {
  it('L in day-of-month is the last day of the month, leap years included', () => {
    expect(next('cron(0 9 L * ? *)', '2025-02-01T00:00:00Z')).toBe('2025-02-28T09:00:00.000Z');
    expect(next('cron(0 9 L * ? *)', '2024-02-01T00:00:00Z')).toBe('2024-02-29T09:00:00.000Z');
    expect(next('cron(0 9 L * ? *)', '2025-02-28T09:00:00Z')).toBe('2025-03-31T09:00:00.000Z');
  });

  it('L alone in day-of-week is the last day of the week, Saturday', () => {
    expect(next('cron(0 0 ? * L *)', '2025-05-14T00:00:00Z')).toBe('2025-05-17T00:00:00.000Z');
  });

  it('6L in day-of-week is the last Friday of the month', () => {
    expect(next('cron(0 10 ? * 6L *)', '2025-05-01T00:00:00Z')).toBe('2025-05-30T10:00:00.000Z');
    expect(next('cron(0 10 ? * FRIL *)', '2025-05-01T00:00:00Z')).toBe('2025-05-30T10:00:00.000Z');
  });

  it('15W is the weekday nearest the 15th, never leaving the month', () => {
    // 15 June 2025 is a Sunday, 15 November a Saturday, 1 November a Saturday
    expect(next('cron(0 9 15W * ? *)', '2025-06-01T00:00:00Z')).toBe('2025-06-16T09:00:00.000Z');
    expect(next('cron(0 9 15W * ? *)', '2025-11-01T00:00:00Z')).toBe('2025-11-14T09:00:00.000Z');
    expect(next('cron(0 9 1W * ? *)', '2025-10-31T00:00:00Z')).toBe('2025-11-03T09:00:00.000Z');
  });

  it('LW is the last weekday of the month', () => {
    // 31 May 2025 is a Saturday
    expect(next('cron(0 9 LW * ? *)', '2025-05-14T00:00:00Z')).toBe('2025-05-30T09:00:00.000Z');
  });

  it('3#2 is the second Tuesday of the month', () => {
    expect(next('cron(0 9 ? * 3#2 *)', '2025-05-14T00:00:00Z')).toBe('2025-06-10T09:00:00.000Z');
  });
});

describe('rate expressions', () => {
  const start = '2025-05-14T10:07:12.345Z';

  it.each([
    ['rate(1 minute)', '2025-05-14T10:08:12.345Z'],
    ['rate(5 minutes)', '2025-05-14T10:12:12.345Z'],
    ['rate(1 hour)', '2025-05-14T11:07:12.345Z'],
    ['rate(12 hours)', '2025-05-14T22:07:12.345Z'],
    ['rate(1 day)', '2025-05-15T10:07:12.345Z'],
    ['rate(7 days)', '2025-05-21T10:07:12.345Z'],
  ])('%s runs one interval after the previous run', (expression, expected) => {
    expect(next(expression, start)).toBe(expected);
  });
});

describe('invalid schedule expressions', () => {
  it.each([
    ['cron(0 10 * * *)', 'six fields'],
    ['cron(0 10 * * * *)', 'exactly one of day-of-month and day-of-week must be ?'],
    ['cron(0 10 ? * ? *)', 'exactly one of day-of-month and day-of-week must be ?'],
    ['cron(? 10 * * ? *)', '? is only allowed in day-of-month or day-of-week'],
    ['cron(60 10 * * ? *)', 'minutes value "60" is not in 0-59'],
    ['cron(0 24 * * ? *)', 'hours value "24" is not in 0-23'],
    ['cron(0 10 ? * 0 *)', 'day-of-week value "0" is not in 1-7 or SUN-SAT'],
    ['cron(0 10 ? * MON-FRX *)', 'day-of-week value "FRX"'],
    ['cron(0 10 1 13 ? *)', 'month value "13" is not in 1-12 or JAN-DEC'],
    ['cron(0 10 1 * ? 1969)', 'year value "1969" is not in 1970-2199'],
    ['cron(0 10 ? * FRI-MON *)', 'runs backwards'],
    ['cron(0/0 10 * * ? *)', 'step "0" must be a positive integer'],
    ['cron(0 10 ? * 3#1,6#3 *)', 'stand alone'],
    ['cron(0 10 ? * 2#6 *)', 'the occurrence after # is 1-5'],
    ['cron(0 10 L,15 * ? *)', 'stand alone'],
    ['rate(1 minutes)', 'singular for 1 and plural above 1'],
    ['rate(5 minute)', 'singular for 1 and plural above 1'],
    ['rate(0 minutes)', 'expected rate(N minute'],
    ['rate(30 seconds)', 'expected rate(N minute'],
    ['rate(1.5 hours)', 'expected rate(N minute'],
    ['every 5 minutes', 'expected cron(...) or rate(...)'],
  ])('%s is refused: %s', (expression, reason) => {
    expect(() => parseSchedule(expression)).toThrow(InvalidScheduleExpressionError);
    expect(() => parseSchedule(expression)).toThrow(reason);
  });
});

describe('nextRun against a minute-by-minute search', () => {
  const minute = 60_000;
  const subset = (min: number, max: number) =>
    fc
      .uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 4 })
      .map((values) => [...values].sort());
  const after = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) });

  it('finds the first minute that matches minutes, hours and days of the week', () => {
    fc.assert(
      fc.property(subset(0, 59), subset(0, 23), subset(1, 7), after, (minutes, hours, weekdays, start) => {
        const expression = `cron(${minutes.join(',')} ${hours.join(',')} ? * ${weekdays.join(',')} *)`;
        let expected = (Math.floor(start / minute) + 1) * minute;
        const matches = (time: Date) =>
          minutes.includes(time.getUTCMinutes()) &&
          hours.includes(time.getUTCHours()) &&
          weekdays.includes(time.getUTCDay() + 1);
        while (!matches(new Date(expected))) expected += minute;
        expect(nextRun(expression, new Date(start))?.getTime()).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});
