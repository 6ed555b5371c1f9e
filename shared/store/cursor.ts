import { BadRequestError } from '../platform/errors';

type Key = Record<string, string>;

/** Opaque page cursor: the DynamoDB LastEvaluatedKey, base64url JSON. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

/**
 * Reads a cursor back. It comes from the client, so it is checked: only string attributes, and every key
 * that starts with a workspace must start with the caller's, so a forged cursor cannot page another one.
 */
export function decodeCursor(cursor: string | undefined, workspacePrefix: string): Key | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequestError('request.invalid_cursor');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BadRequestError('request.invalid_cursor');
  const entries = Object.entries(parsed);
  const allowed = /^(pk|sk|gsi[1-3](pk|sk))$/;
  const valid =
    entries.length > 0 &&
    entries.length <= 4 &&
    entries.every(
      ([name, value]) =>
        allowed.test(name) &&
        typeof value === 'string' &&
        value.length <= 1024 &&
        (!name.endsWith('pk') || value.startsWith(workspacePrefix)),
    );
  if (!valid) throw new BadRequestError('request.invalid_cursor');
  return parsed as Key;
}
