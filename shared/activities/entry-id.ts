import { ulid } from 'ulid';

/**
 * The id of a new timeline entry: a ULID whose time is when the thing happened, so the timeline (ordered
 * by id) reads in the order things happened, not the order they were logged. Not the monotonic factory:
 * that one keeps the latest time it has seen, and an activity logged for last week must sort there.
 */
export function entryIdAt(occurredAt: string): string {
  return ulid(timeOf(occurredAt));
}

/** ulid() takes a seed time of 0 for "now": the first millisecond of 1970 is kept as the second. */
const timeOf = (at: string) => Math.max(Date.parse(at), 1);

/**
 * An entry id that is the same each time it is made for the same thing (the order entry of a migration
 * run twice): the time of `occurredAt` and the random part of the thing's own ULID.
 */
export function entryIdFor(occurredAt: string, ownId: string): string {
  return `${ulid(timeOf(occurredAt)).slice(0, 10)}${ownId.slice(10)}`;
}
