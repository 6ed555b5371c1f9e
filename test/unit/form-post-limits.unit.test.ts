import { describe, expect, it } from 'vitest';
import { emailHashOf } from '../../shared/forms/confirmation-mail-claim';
import {
  clientHashOf,
  defaultFormPostLimits,
  formPostLimitsFromEnv,
} from '../../shared/forms/form-post-limits';
import { windowOf } from '../../shared/platform/rate-limit';

describe('fixed rate windows', () => {
  const minute = { limit: 10, windowSeconds: 60 };

  it('start on the window boundary and tell how long until the next one', () => {
    expect(windowOf(minute, new Date('2026-12-06T09:00:00.000Z'))).toEqual({
      start: Date.parse('2026-12-06T09:00:00.000Z') / 1000,
      retryAfterSeconds: 60,
    });
    expect(windowOf(minute, new Date('2026-12-06T09:00:59.900Z'))).toEqual({
      start: Date.parse('2026-12-06T09:00:00.000Z') / 1000,
      retryAfterSeconds: 1,
    });
  });
});

describe('form post limits', () => {
  it('default to 20 a minute per client and 100 a minute per form, and take positive integers from the environment', () => {
    expect(formPostLimitsFromEnv({})).toEqual(defaultFormPostLimits);
    expect(defaultFormPostLimits).toEqual({
      perClient: { limit: 20, windowSeconds: 60 },
      perForm: { limit: 100, windowSeconds: 60 },
    });
    expect(
      formPostLimitsFromEnv({ FORM_POSTS_PER_CLIENT_PER_MINUTE: '5', FORM_POSTS_PER_FORM_PER_MINUTE: '50' }),
    ).toEqual({ perClient: { limit: 5, windowSeconds: 60 }, perForm: { limit: 50, windowSeconds: 60 } });
    for (const bad of ['0', '-1', '2.5', 'many', ''])
      expect(formPostLimitsFromEnv({ FORM_POSTS_PER_CLIENT_PER_MINUTE: bad })).toEqual(defaultFormPostLimits);
  });

  it('key counters and claims by hashes that hold no address and ignore case and spaces', () => {
    expect(clientHashOf('203.0.113.9')).toMatch(/^[0-9a-f]{32}$/);
    expect(emailHashOf(' Zoe@Example.com ')).toBe(emailHashOf('zoe@example.com'));
    expect(emailHashOf('zoe@example.com')).toMatch(/^[0-9a-f]{64}$/);
  });
});
