import { PreconditionRequiredError, ValidationError } from './errors';

/** Records carry a `version`; it travels as an ETag so that request bodies never hold server-owned fields. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version a change is based on, from `If-Match: "3"` (428 when absent). */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw new PreconditionRequiredError();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match?.[1]) throw new ValidationError({ 'If-Match': 'Send the version as If-Match: "<version>".' });
  return Number(match[1]);
}
