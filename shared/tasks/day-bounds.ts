/**
 * The bounds of "today" in a time zone, as UTC instants: from the first instant of the local date of `now`
 * to the first instant of the next local date. A local day is 23 or 25 hours long across a DST change, and
 * starts at 01:00 where midnight is skipped; both bounds are found from the zone's own rules (Intl), so they
 * hold for every IANA zone. Pure: unit-tested.
 */
export function dayBoundsIn(timeZone: string, now: Date): { start: Date; end: Date } {
  const today = localDateOf(timeZone, now);
  const tomorrow = nextDate(today);
  return { start: startOfLocalDate(timeZone, today), end: startOfLocalDate(timeZone, tomorrow) };
}

export type LocalDate = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localDateOf(timeZone: string, instant: Date): LocalDate {
  const parts = formatterOf(timeZone).formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

const ordinal = ({ year, month, day }: LocalDate) => Date.UTC(year, month - 1, day);

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(ordinal(date) + 24 * 60 * 60_000);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

const minute = 60_000;

/**
 * The first instant whose local date is `date` or later: a binary search by the minute (zone offsets and
 * their changes fall on whole minutes) between 15 hours before and 15 hours after midnight UTC of that
 * date, a window that holds the answer for offsets from -12:00 to +14:00.
 */
export function startOfLocalDate(timeZone: string, date: LocalDate): Date {
  const target = ordinal(date);
  let low = (target - 15 * 60 * minute) / minute; // still the day before, everywhere
  let high = (target + 15 * 60 * minute) / minute; // already that day (or later), everywhere
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (ordinal(localDateOf(timeZone, new Date(middle * minute))) >= target) high = middle;
    else low = middle;
  }
  return new Date(high * minute);
}
