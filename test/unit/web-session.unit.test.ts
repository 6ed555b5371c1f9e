import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../shared/platform/errors';
import { jwtClaims } from '../../web/src/auth/jwt-claims';
import { sessionFromStorage, sessionFromToken, storedSessionText } from '../../web/src/auth/session';

/** An unsigned token is enough: the app reads claims, the API verifies signatures. */
const tokenWith = (claims: unknown) =>
  ['{"alg":"RS256"}', JSON.stringify(claims), 'signature']
    .map((part) => Buffer.from(part).toString('base64url'))
    .join('.');

const exp = 1_900_000_000;
const claims = {
  sub: 'user-1',
  email: 'zoë@example.com',
  'custom:workspaceId': 'acme',
  'cognito:groups': ['admin', 'sales', 'owner'],
  exp,
  // base64url of this JSON has '-' and '_' in it
  note: '>>>???',
};

describe('jwtClaims', () => {
  it('reads the claims of a base64url payload, UTF-8 included', () => {
    const token = tokenWith(claims);
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(jwtClaims(token)).toEqual(claims);
  });

  it.each([
    ['not a JWT', 'abc', 'The token is not a JWT.'],
    ['claims that are not an object', tokenWith(['admin']), 'The token has no claims.'],
    ['claims that are null', tokenWith(null), 'The token has no claims.'],
  ])('refuses %s', (_, token, message) => {
    expect(() => jwtClaims(token)).toThrow(message);
  });
});

describe('sessionFromToken', () => {
  it('takes the user from the claims the API reads, and the expiry from exp', () => {
    const token = tokenWith(claims);
    expect(sessionFromToken(token)).toEqual({
      token,
      expiresAt: exp * 1000,
      user: { workspaceId: 'acme', userId: 'user-1', email: 'zoë@example.com', roles: ['admin', 'sales'] },
    });
  });

  it("prefers the expiry the token issuer answered with, and reads the authorizer's group string", () => {
    const token = tokenWith({ ...claims, exp: undefined, 'cognito:groups': '[support marketing]' });
    const session = sessionFromToken(token, '2030-01-02T03:04:05.000Z');
    expect(session.expiresAt).toBe(Date.parse('2030-01-02T03:04:05.000Z'));
    expect(session.user.roles).toEqual(['support', 'marketing']);
  });

  it('refuses a token without an expiry or without a workspace', () => {
    expect(() => sessionFromToken(tokenWith({ ...claims, exp: undefined }))).toThrow(
      'The token has no expiry.',
    );
    expect(() => sessionFromToken(tokenWith({ ...claims, 'custom:workspaceId': 'Not Valid' }))).toThrow(
      UnauthorizedError,
    );
  });
});

describe('the session kept in storage', () => {
  const session = sessionFromToken(tokenWith(claims));

  it('keeps only the token and its expiry, and reads them back', () => {
    const text = storedSessionText(session);
    expect(JSON.parse(text)).toEqual({ token: session.token, expiresAt: exp * 1000 });
    expect(sessionFromStorage(text, exp * 1000 - 1)).toEqual(session);
  });

  it('is no session once expired', () => {
    expect(sessionFromStorage(storedSessionText(session), exp * 1000)).toBeNull();
  });

  it.each([
    ['nothing stored', null],
    ['text that is not JSON', '{oops'],
    ['another shape', '{"token":1,"expiresAt":"soon"}'],
    ['a token that is not a JWT', '{"token":"abc","expiresAt":1}'],
    ['an expiry that is not a date', `{"token":"${tokenWith(claims)}","expiresAt":1e300}`],
  ])('is no session for %s', (_, stored) => {
    expect(sessionFromStorage(stored, 0)).toBeNull();
  });
});
