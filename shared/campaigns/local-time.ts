/**
 * A wall-clock time in a time zone as a UTC instant (scheduling "2026-12-24T09:00" in the workspace's
 * zone). From the zone's own rules (Intl), so it holds for every IANA zone. A time skipped by a DST change
 * (02:30 when clocks jump from 02:00 to 03:00) moves forward by the gap (03:30); a time that happens twice
 * (clocks going back) is the first of the two. Pure: unit-tested.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall clock of an instant, as if it were UTC (ms), to the minute. */
function wallClockOf(timeZone: string, instant: number): number {
  const parts = formatterOf(timeZone).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}

const hour = 60 * 60_000;

/** `YYYY-MM-DDTHH:mm` in `timeZone` → the UTC instant; undefined for a malformed or impossible date. */
export function localTimeToUtc(localDateTime: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localDateTime);
  if (!match) return undefined;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const target = Date.UTC(year, month - 1, day, hours, minutes);
  const check = new Date(target);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hours > 23 || minutes > 59)
    return undefined;
  // the zone's offsets on either side of any change near that time
  const offsetBefore = wallClockOf(timeZone, target - 14 * hour) - (target - 14 * hour);
  const offsetAfter = wallClockOf(timeZone, target + 14 * hour) - (target + 14 * hour);
  const matching = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => target - offset)
    .filter((instant) => wallClockOf(timeZone, instant) === target)
    .sort((a, b) => a - b);
  // none matches: the time was skipped; the offset before the change moves it forward by the gap
  return new Date(matching[0] ?? target - offsetBefore);
}
