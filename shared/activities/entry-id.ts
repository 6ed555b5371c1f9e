import { ulidAt, ulidTime } from '../platform/ids';

/**
 * The id of a new timeline entry: a ULID whose time is when the thing happened, so the timeline (ordered
 * by id) reads in the order things happened, not the order they were logged. Not the monotonic factory:
 * that one keeps the latest time it has seen, and an activity logged for last week must sort there.
 */
export function entryIdAt(occurredAt: string): string {
  return ulidAt(timeOf(occurredAt));
}

/** Entries at or before 1970's first millisecond take its second, as they always have (0 once meant now). */
const timeOf = (at: string) => Math.max(Date.parse(at), 1);

/**
 * An entry id that is the same each time it is made for the same thing (the order entry of a migration
 * run twice): the time of `occurredAt` and the random part of the thing's own ULID.
 */
export function entryIdFor(occurredAt: string, ownId: string): string {
  return `${ulidTime(timeOf(occurredAt))}${ownId.slice(10)}`;
}
