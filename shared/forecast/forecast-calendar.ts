import { type LocalDate, localDateOf, startOfLocalDate } from '../tasks/day-bounds';

/**
 * The calendar of a forecast, in the caller's time zone: today's local date, the six months of the horizon
 * (the current month and the five after it) and the period the historical figures cover. Pure: unit-tested.
 */
export const horizonMonths = 6;
/** The default period of the historical figures: the last 90 days, today included. */
export const defaultPeriodDays = 90;
/** The longest period a forecast reads (two years), so one request's reads stay bounded. */
export const maxPeriodDays = 731;

export interface ForecastHorizon {
  /** Today's local date, `YYYY-MM-DD`: a deal expected to close before it is overdue. */
  today: string;
  /** The six months, `YYYY-MM`, the current one first. */
  months: string[];
  /** The first day after the horizon, `YYYY-MM-01`: deals expected from it on are not read. */
  end: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const dateText = ({ year, month, day }: LocalDate) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const monthText = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;

export function parseDate(text: string): LocalDate {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

/** A calendar date `days` later (or earlier, when negative). */
export function addDays(text: string, days: number): string {
  const { year, month, day } = parseDate(text);
  const moved = new Date(Date.UTC(year, month - 1, day) + days * 86_400_000);
  return dateText({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/** Whole days from one calendar date to another (`to` − `from`). */
export function daysBetween(from: string, to: string): number {
  const ordinal = (text: string) => {
    const { year, month, day } = parseDate(text);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((ordinal(to) - ordinal(from)) / 86_400_000);
}

export function localToday(timeZone: string, now: Date): string {
  return dateText(localDateOf(timeZone, now));
}

export function horizonOf(timeZone: string, now: Date): ForecastHorizon {
  const today = localDateOf(timeZone, now);
  const months = Array.from({ length: horizonMonths + 1 }, (_, offset) => {
    const index = today.month - 1 + offset;
    return monthText(today.year + Math.floor(index / 12), (index % 12) + 1);
  });
  return {
    today: dateText(today),
    months: months.slice(0, horizonMonths),
    end: `${months[horizonMonths]}-01`,
  };
}

/** Where an open deal's expected close date puts it: overdue, a month of the horizon, later, or undated. */
export function bucketOf(
  expectedCloseDate: string | undefined,
  horizon: ForecastHorizon,
): 'overdue' | 'undated' | 'later' | string {
  if (!expectedCloseDate) return 'undated';
  if (expectedCloseDate < horizon.today) return 'overdue';
  if (expectedCloseDate >= horizon.end) return 'later';
  return expectedCloseDate.slice(0, 7);
}

/**
 * The period of the historical figures: local dates `from` to `to`, both included (default: the 90 days
 * ending today; `to` defaults to today), and the instants that bound it, from the first instant of `from` to the first instant of
 * the day after `to` (end excluded), in the time zone.
 */
export interface ForecastPeriod {
  from: string;
  to: string;
  start: string;
  end: string;
}

export function periodOf(
  timeZone: string,
  now: Date,
  asked: { from?: string | undefined; to?: string | undefined } = {},
): ForecastPeriod {
  const to = asked.to ?? localToday(timeZone, now);
  const from = asked.from ?? addDays(to, -(defaultPeriodDays - 1));
  return {
    from,
    to,
    start: startOfLocalDate(timeZone, parseDate(from)).toISOString(),
    end: startOfLocalDate(timeZone, parseDate(addDays(to, 1))).toISOString(),
  };
}

/**
 * What is wrong with a period once its defaults are filled in (`from` alone may lie after today, or so far
 * back that the period is longer than two years): the field to name and why; undefined when it is fine.
 */
export function periodProblem(
  period: Pick<ForecastPeriod, 'from' | 'to'>,
): { field: 'from'; message: string } | undefined {
  if (period.from > period.to) return { field: 'from', message: 'The period must not start after it ends.' };
  if (daysBetween(period.from, period.to) >= maxPeriodDays)
    return { field: 'from', message: `A period is at most ${maxPeriodDays} days.` };
  return undefined;
}
