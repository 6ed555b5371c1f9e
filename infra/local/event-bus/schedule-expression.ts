import type { ScheduleExpression } from '../../../shared/events/event-pattern';

/**
 * EventBridge schedule expressions, evaluated in UTC like EventBridge rules:
 * - `rate(N minute|minutes|hour|hours|day|days)`: singular unit for 1, plural above; every N units
 *   from the moment the rule starts.
 * - `cron(minutes hours day-of-month month day-of-week year)`: six fields, unlike Unix cron. Day-of-week
 *   counts 1-7 from SUN (or SUN-SAT); exactly one of day-of-month and day-of-week is `?`. Each field
 *   takes `*`, values, `a-b` ranges, lists and `/` steps; day-of-month also `L` (last day), `LW` (last
 *   weekday) and `15W` (weekday nearest the 15th); day-of-week also `L` (Saturday), `6L` (last Friday of
 *   the month) and `2#1` (first Monday of the month).
 */

export class InvalidScheduleExpressionError extends Error {
  constructor(
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`Invalid schedule expression "${expression}": ${reason}`);
    this.name = 'InvalidScheduleExpressionError';
  }
}

type DayOfMonth =
  | { kind: 'values'; days: ReadonlySet<number> }
  | { kind: 'last' }
  | { kind: 'last-weekday' }
  | { kind: 'nearest-weekday'; day: number };

type DayOfWeek =
  | { kind: 'values'; days: ReadonlySet<number> }
  | { kind: 'last-in-month'; day: number }
  | { kind: 'nth-in-month'; day: number; nth: number };

export type Schedule =
  | { kind: 'rate'; expression: string; intervalMs: number }
  | {
      kind: 'cron';
      expression: string;
      minutes: ReadonlySet<number>;
      hours: ReadonlySet<number>;
      months: ReadonlySet<number>;
      years: ReadonlySet<number>;
      /** Exactly one of the two day fields is set; the other was `?`. */
      dayOfMonth?: DayOfMonth;
      dayOfWeek?: DayOfWeek;
    };

const minuteMs = 60_000;
const unitMs: Record<string, number> = { minute: minuteMs, hour: 60 * minuteMs, day: 24 * 60 * minuteMs };
const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldRange {
  name: string;
  min: number;
  max: number;
  /** Names for min, min+1, ... (JAN = 1, SUN = 1). */
  names?: readonly string[];
}

const fields = {
  minutes: { name: 'minutes', min: 0, max: 59 },
  hours: { name: 'hours', min: 0, max: 23 },
  dayOfMonth: { name: 'day-of-month', min: 1, max: 31 },
  month: { name: 'month', min: 1, max: 12, names: monthNames },
  dayOfWeek: { name: 'day-of-week', min: 1, max: 7, names: dayNames },
  year: { name: 'year', min: 1970, max: 2199 },
} as const satisfies Record<string, FieldRange>;

function parseRate(expression: string, body: string): Schedule {
  const match = /^([1-9][0-9]*) (minute|minutes|hour|hours|day|days)$/.exec(body.trim());
  if (!match) {
    throw new InvalidScheduleExpressionError(
      expression,
      'expected rate(N minute|minutes|hour|hours|day|days)',
    );
  }
  const value = Number(match[1]);
  const unit = match[2] as string;
  const plural = unit.endsWith('s');
  if ((value === 1) === plural) {
    throw new InvalidScheduleExpressionError(expression, 'the unit is singular for 1 and plural above 1');
  }
  return {
    kind: 'rate',
    expression,
    intervalMs: value * (unitMs[plural ? unit.slice(0, -1) : unit] as number),
  };
}

function parseValue(expression: string, field: FieldRange, text: string): number {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = named >= 0 ? field.min + named : /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < field.min || value > field.max) {
    throw new InvalidScheduleExpressionError(
      expression,
      `${field.name} value "${text}" is not in ${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names.at(-1)}` : ''}`,
    );
  }
  return value;
}

/** `*`, `5`, `1-5`, `MON-FRI`, `0/15`, `*\/10`, `10-40/5`, and comma lists of those. */
function parseValues(expression: string, field: FieldRange, text: string): ReadonlySet<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', stepText, ...extra] = item.split('/');
    if (extra.length > 0 || range === '') {
      throw new InvalidScheduleExpressionError(expression, `${field.name} item "${item}" is malformed`);
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^[1-9][0-9]*$/.test(stepText)) {
        throw new InvalidScheduleExpressionError(
          expression,
          `${field.name} step "${stepText}" must be a positive integer`,
        );
      }
      step = Number(stepText);
    }
    let first: number;
    let last: number;
    if (range === '*') {
      first = field.min;
      last = field.max;
    } else {
      const bounds = range.split('-');
      if (bounds.length > 2) {
        throw new InvalidScheduleExpressionError(expression, `${field.name} range "${range}" is malformed`);
      }
      first = parseValue(expression, field, bounds[0] as string);
      // `5/15` means from 5 to the end of the field in steps of 15
      last =
        bounds[1] !== undefined ? parseValue(expression, field, bounds[1]) : stepText ? field.max : first;
      if (first > last) {
        throw new InvalidScheduleExpressionError(expression, `${field.name} range "${range}" runs backwards`);
      }
    }
    for (let value = first; value <= last; value += step) values.add(value);
  }
  return values;
}

function parseDayOfMonth(expression: string, text: string): DayOfMonth {
  if (text === 'L') return { kind: 'last' };
  if (text === 'LW') return { kind: 'last-weekday' };
  const weekday = /^([0-9]+)W$/.exec(text);
  if (weekday) {
    return { kind: 'nearest-weekday', day: parseValue(expression, fields.dayOfMonth, weekday[1] as string) };
  }
  if (/[LW#]/i.test(text)) {
    throw new InvalidScheduleExpressionError(expression, `day-of-month "${text}": L, LW and nW stand alone`);
  }
  return { kind: 'values', days: parseValues(expression, fields.dayOfMonth, text) };
}

function parseDayOfWeek(expression: string, text: string): DayOfWeek {
  if (text === 'L') return { kind: 'values', days: new Set([7]) };
  const last = /^([0-9A-Za-z]+)L$/.exec(text);
  if (last) {
    return { kind: 'last-in-month', day: parseValue(expression, fields.dayOfWeek, last[1] as string) };
  }
  const nth = /^([0-9A-Za-z]+)#([0-9]+)$/.exec(text);
  if (nth) {
    const occurrence = Number(nth[2]);
    if (occurrence < 1 || occurrence > 5) {
      throw new InvalidScheduleExpressionError(
        expression,
        `day-of-week "${text}": the occurrence after # is 1-5`,
      );
    }
    return {
      kind: 'nth-in-month',
      day: parseValue(expression, fields.dayOfWeek, nth[1] as string),
      nth: occurrence,
    };
  }
  if (text.includes('#')) {
    throw new InvalidScheduleExpressionError(expression, `day-of-week "${text}": nL and n#k stand alone`);
  }
  return { kind: 'values', days: parseValues(expression, fields.dayOfWeek, text) };
}

function parseCron(expression: string, body: string): Schedule {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new InvalidScheduleExpressionError(
      expression,
      `cron takes six fields (minutes hours day-of-month month day-of-week year), got ${parts.length}`,
    );
  }
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  for (const [index, text] of [minutes, hours, month, year].entries()) {
    if (text === '?') {
      const name = [fields.minutes, fields.hours, fields.month, fields.year][index]?.name;
      throw new InvalidScheduleExpressionError(
        expression,
        `? is only allowed in day-of-month or day-of-week, not ${name}`,
      );
    }
  }
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new InvalidScheduleExpressionError(
      expression,
      'exactly one of day-of-month and day-of-week must be ?',
    );
  }
  return {
    kind: 'cron',
    expression,
    minutes: parseValues(expression, fields.minutes, minutes),
    hours: parseValues(expression, fields.hours, hours),
    months: parseValues(expression, fields.month, month),
    years: parseValues(expression, fields.year, year),
    ...(dayOfMonth === '?'
      ? { dayOfWeek: parseDayOfWeek(expression, dayOfWeek) }
      : { dayOfMonth: parseDayOfMonth(expression, dayOfMonth) }),
  };
}

/** Parses and checks a schedule expression; throws `InvalidScheduleExpressionError` with the reason. */
export function parseSchedule(expression: string): Schedule {
  const match = /^(rate|cron)\((.*)\)$/s.exec(expression.trim());
  if (!match) throw new InvalidScheduleExpressionError(expression, 'expected cron(...) or rate(...)');
  return match[1] === 'rate'
    ? parseRate(expression, match[2] as string)
    : parseCron(expression, match[2] as string);
}

export function validateScheduleExpression(expression: string): asserts expression is ScheduleExpression {
  parseSchedule(expression);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** 1 = SUN ... 7 = SAT, as in EventBridge cron. */
const weekdayOf = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
const isWorkday = (weekday: number) => weekday >= 2 && weekday <= 6;

function nearestWeekday(year: number, month: number, day: number): number | undefined {
  const length = daysInMonth(year, month);
  if (day > length) return undefined;
  const weekday = weekdayOf(year, month, day);
  if (isWorkday(weekday)) return day;
  // never crosses into another month: the 1st on a Saturday gives Monday the 3rd
  if (weekday === 7) return day === 1 ? day + 2 : day - 1;
  return day === length ? day - 2 : day + 1;
}

function dayMatches(schedule: Extract<Schedule, { kind: 'cron' }>, year: number, month: number, day: number) {
  const { dayOfMonth, dayOfWeek } = schedule;
  if (dayOfMonth) {
    switch (dayOfMonth.kind) {
      case 'values':
        return dayOfMonth.days.has(day);
      case 'last':
        return day === daysInMonth(year, month);
      case 'last-weekday': {
        let last = daysInMonth(year, month);
        while (!isWorkday(weekdayOf(year, month, last))) last--;
        return day === last;
      }
      case 'nearest-weekday':
        return day === nearestWeekday(year, month, dayOfMonth.day);
    }
  }
  if (dayOfWeek) {
    const weekday = weekdayOf(year, month, day);
    switch (dayOfWeek.kind) {
      case 'values':
        return dayOfWeek.days.has(weekday);
      case 'last-in-month':
        return weekday === dayOfWeek.day && day + 7 > daysInMonth(year, month);
      case 'nth-in-month':
        return weekday === dayOfWeek.day && Math.ceil(day / 7) === dayOfWeek.nth;
    }
  }
  return false;
}

/**
 * The first time strictly after `after` at which the schedule fires, or undefined if it never fires
 * again (a year range in the past, or a date such as `cron(0 0 30 2 ? *)`). For `rate(...)` that is
 * `after` plus the interval: pass the previous run (or the rule's start) as `after`.
 */
export function nextRun(expression: string | Schedule, after: Date): Date | undefined {
  const schedule = typeof expression === 'string' ? parseSchedule(expression) : expression;
  if (schedule.kind === 'rate') return new Date(after.getTime() + schedule.intervalMs);

  const lastYear = Math.max(...schedule.years);
  let time = (Math.floor(after.getTime() / minuteMs) + 1) * minuteMs;
  for (;;) {
    const date = new Date(time);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (year > lastYear) return undefined;
    if (!schedule.years.has(year)) time = Date.UTC(year + 1, 0, 1);
    else if (!schedule.months.has(month)) time = Date.UTC(year, month, 1);
    else if (!dayMatches(schedule, year, month, day)) time = Date.UTC(year, month - 1, day + 1);
    else if (!schedule.hours.has(date.getUTCHours()))
      time = Date.UTC(year, month - 1, day, date.getUTCHours() + 1);
    else if (!schedule.minutes.has(date.getUTCMinutes())) time += minuteMs;
    else return date;
  }
}
