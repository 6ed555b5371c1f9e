import { describe, expect, it } from 'vitest';
import { flattenedClaims } from '../../infra/local/api-gateway-event';
import { authFromClaims, claimNames } from '../../shared/platform/auth';
import { UnauthorizedError } from '../../shared/platform/errors';

const claims = (extra: Record<string, unknown> = {}) => ({
  [claimNames.workspaceId]: 'acme-1',
  [claimNames.subject]: 'user-1',
  [claimNames.email]: 'ann@example.com',
  [claimNames.groups]: ['admin'],
  ...extra,
});

function rejection(input: Record<string, unknown> | undefined): unknown {
  try {
    authFromClaims(input);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('authFromClaims', () => {
  it('reads workspace, user, email and roles from decoded claims', () => {
    expect(authFromClaims(claims())).toEqual({
      workspaceId: 'acme-1',
      userId: 'user-1',
      email: 'ann@example.com',
      roles: ['admin'],
    });
  });

  it.each([
    ['a JSON array (the decoded token: local cloud, web app)', ['admin', 'sales'], ['admin', 'sales']],
    ["API Gateway's flattened string", '[admin sales]', ['admin', 'sales']],
    ["API Gateway's flattened string of one group", '[support]', ['support']],
    ['an empty flattened string', '[]', []],
    ['no groups', undefined, []],
    ['a non-string group', ['admin', 7, null], ['admin']],
  ])('reads groups given as %s', (_form, groups, roles) => {
    expect(authFromClaims(claims({ [claimNames.groups]: groups })).roles).toEqual(roles);
  });

  it.each([
    ['a comma-separated string', 'support,admin'],
    ['a comma-separated string with spaces', 'support, admin'],
    ['a bare string', 'admin'],
    ['a space-separated string without brackets', 'support admin'],
    ['a JSON array in a string', '["support","admin"]'],
    ['a flattened group whose name holds a comma', '[support,admin]'],
    ['brackets inside the brackets', '[[admin] support]'],
    ['text around the brackets', 'x [admin]'],
    ['a number', 1],
    ['an object', { admin: true }],
  ])('grants no role from %s', (_form, groups) => {
    expect(authFromClaims(claims({ [claimNames.groups]: groups })).roles).toEqual([]);
  });

  it('reads the claims the local cloud flattens as API Gateway does', () => {
    const flat = flattenedClaims({
      ...claims({ [claimNames.groups]: ['support', 'marketing'] }),
      exp: 1_900_000_000,
    });
    expect(flat).toMatchObject({ [claimNames.groups]: '[support marketing]', exp: '1900000000' });
    expect(authFromClaims(flat).roles).toEqual(['support', 'marketing']);
  });

  it('drops groups that are not roles', () => {
    expect(authFromClaims(claims({ [claimNames.groups]: '[admin superuser Admin]' })).roles).toEqual([
      'admin',
    ]);
  });

  it('answers no email as an empty string', () => {
    expect(authFromClaims(claims({ [claimNames.email]: 42 })).email).toBe('');
  });

  it.each([
    ['no claims at all', undefined],
    ['no workspace', claims({ [claimNames.workspaceId]: undefined })],
    ['an empty workspace', claims({ [claimNames.workspaceId]: '' })],
    ['an upper-case workspace', claims({ [claimNames.workspaceId]: 'Acme' })],
    ['a workspace with #', claims({ [claimNames.workspaceId]: 'acme#other' })],
    ['a workspace that is not a string', claims({ [claimNames.workspaceId]: ['acme'] })],
    ['a workspace over 63 characters', claims({ [claimNames.workspaceId]: 'a'.repeat(64) })],
    ['no subject', claims({ [claimNames.subject]: undefined })],
    ['an empty subject', claims({ [claimNames.subject]: '' })],
  ])('refuses %s with 401', (_what, input) => {
    const error = rejection(input);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).statusCode).toBe(401);
    expect((error as UnauthorizedError).code).toBe('auth.unauthorized');
  });
});
