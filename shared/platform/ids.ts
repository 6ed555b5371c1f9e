import { monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/** Record ids are ULIDs: unique, URL-safe and sorted by creation time, so lists page newest first. */
export function newId(now: number = Date.now()): string {
  return ulid(now);
}

export const idPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: string): boolean {
  return idPattern.test(value);
}
