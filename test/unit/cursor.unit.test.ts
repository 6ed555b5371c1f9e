import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../shared/platform/errors';
import { decodeCursor, encodeCursor } from '../../shared/store/cursor';
import { crmTable } from '../../shared/store/table';

const prefix = {
  workspacePrefix: 'WS#acme#',
  index: crmTable.indexes.byCollection,
  partition: 'WS#acme#CONTACTS',
};
const lastKey = {
  pk: 'WS#acme#CONTACT#01J9ZK3T5Q8W6N4M2P0R7S9V1X',
  sk: 'CONTACT',
  gsi1pk: 'WS#acme#CONTACTS',
  gsi1sk: '01J9ZK3T5Q8W6N4M2P0R7S9V1X',
};
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(cursor: string): unknown {
  try {
    decodeCursor(cursor, prefix);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('page cursor', () => {
  it('round-trips a LastEvaluatedKey', () => {
    const cursor = encodeCursor(lastKey);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, prefix)).toEqual(lastKey);
  });

  it('has no cursor after the last page, and no start key without a cursor', () => {
    expect(encodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(undefined, prefix)).toBeUndefined();
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['JSON null', encode(null)],
    ['a JSON array', encode([lastKey])],
    ['a JSON string', encode('WS#acme#')],
    ['an empty object', encode({})],
    ['another workspace', encode({ ...lastKey, pk: 'WS#other#CONTACT#1' })],
    ['another workspace in an index key', encode({ ...lastKey, gsi1pk: 'WS#other#CONTACTS' })],
    ['a workspace that only shares a prefix', encode({ pk: 'WS#acme-2#CONTACT#1', sk: 'CONTACT' })],
    ['a number value', encode({ ...lastKey, sk: 1 })],
    ['an attribute-value map', encode({ pk: { S: 'WS#acme#x' } })],
    ['a null value', encode({ ...lastKey, sk: null })],
    ['an attribute that is not a key', encode({ ...lastKey, admin: 'true' })],
    ['more than four attributes', encode({ ...lastKey, gsi2pk: 'WS#acme#x' })],
    ['a value over 1024 characters', encode({ ...lastKey, pk: `WS#acme#${'x'.repeat(1020)}` })],
    ['a cursor of another list (companies)', encode({ ...lastKey, gsi1pk: 'WS#acme#COMPANIES' })],
    [
      'a cursor of another index (name search)',
      encode({ pk: lastKey.pk, sk: 'CONTACT', gsi2pk: 'WS#acme#CONTACT_NAMES', gsi2sk: 'ada#1' }),
    ],
    ['a cursor without the index keys', encode({ pk: lastKey.pk, sk: lastKey.sk })],
  ])('refuses %s with 400 request.invalid_cursor', (_what, cursor) => {
    const error = refusal(cursor);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).statusCode).toBe(400);
    expect((error as BadRequestError).code).toBe('request.invalid_cursor');
  });
});

describe('cursor of a prefix search', () => {
  const scope = {
    workspacePrefix: 'WS#acme#',
    index: crmTable.indexes.byName,
    partition: 'WS#acme#CONTACT_NAMES',
    sortPrefix: 'ad',
  };
  const key = {
    pk: 'WS#acme#CONTACT#1',
    sk: 'CONTACT',
    gsi2pk: 'WS#acme#CONTACT_NAMES',
    gsi2sk: 'ada lovelace#1',
  };

  it('is accepted while its sort key still carries the prefix searched for', () => {
    expect(decodeCursor(encode(key), scope)).toEqual(key);
    expect(() => decodeCursor(encode({ ...key, gsi2sk: 'zoe#1' }), scope)).toThrow(BadRequestError);
  });
});
