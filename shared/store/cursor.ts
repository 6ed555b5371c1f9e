import { BadRequestError } from '../platform/errors';

type Key = Record<string, string>;

/** Opaque page cursor: the DynamoDB LastEvaluatedKey, base64url JSON. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

/** Where a cursor may lead: the list being paged, in the caller's workspace. */
export interface CursorScope {
  workspacePrefix: string;
  /** The index the list queries (its key attributes must be in the cursor); the table when absent. */
  index?: { partitionKey: string; sortKey: string };
  /** The partition key value the list queries. */
  partition: string;
  /** For prefix searches: the sort key the cursor names must still carry the prefix. */
  sortPrefix?: string;
}

/**
 * Reads a cursor back. It comes from the client, so it is checked against the list being paged: exactly
 * the table's and the index's key attributes, string values, the caller's workspace and the queried
 * partition. A forged cursor, or one from another list, answers 400 instead of reaching DynamoDB.
 */
export function decodeCursor(cursor: string | undefined, scope: CursorScope): Key | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequestError('request.invalid_cursor');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BadRequestError('request.invalid_cursor');
  const key = parsed as Record<string, unknown>;
  const expected = ['pk', 'sk', ...(scope.index ? [scope.index.partitionKey, scope.index.sortKey] : [])];
  const partitionAttribute = scope.index?.partitionKey ?? 'pk';
  const sortAttribute = scope.index?.sortKey ?? 'sk';
  const valid =
    Object.keys(key).length === expected.length &&
    expected.every((name) => typeof key[name] === 'string' && (key[name] as string).length <= 1024) &&
    (key.pk as string).startsWith(scope.workspacePrefix) &&
    key[partitionAttribute] === scope.partition &&
    (scope.sortPrefix === undefined || (key[sortAttribute] as string).startsWith(scope.sortPrefix));
  if (!valid) throw new BadRequestError('request.invalid_cursor');
  return key as Key;
}
