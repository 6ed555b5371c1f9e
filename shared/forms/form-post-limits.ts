import { createHash } from 'node:crypto';
import { AppError } from '../platform/errors';
import { type RateLimit, takeFromRateLimits } from '../platform/rate-limit';
import type { Store } from '../store/store';
import type { FormRef } from './form-id';
import { formsKeys } from './forms-keys';

/** How many posts a form takes, per client (its address, across the workspace's forms) and per form. */
export interface FormPostLimits {
  perClient: RateLimit;
  perForm: RateLimit;
}

/** A person posts a form once or twice; a page with a busy campaign stays far under 100 a minute. */
export const defaultFormPostLimits: FormPostLimits = {
  perClient: { limit: 20, windowSeconds: 60 },
  perForm: { limit: 100, windowSeconds: 60 },
};

const positiveInteger = (value: string | undefined) => {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : undefined;
};

/** The limits from FORM_POSTS_PER_CLIENT_PER_MINUTE and FORM_POSTS_PER_FORM_PER_MINUTE, else the defaults. */
export function formPostLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): FormPostLimits {
  const perClient = positiveInteger(env.FORM_POSTS_PER_CLIENT_PER_MINUTE);
  const perForm = positiveInteger(env.FORM_POSTS_PER_FORM_PER_MINUTE);
  return {
    perClient: perClient ? { limit: perClient, windowSeconds: 60 } : defaultFormPostLimits.perClient,
    perForm: perForm ? { limit: perForm, windowSeconds: 60 } : defaultFormPostLimits.perForm,
  };
}

export class FormPostsRateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, detail: string) {
    super(429, 'form.too_many_posts', { detail, headers: { 'retry-after': String(retryAfterSeconds) } });
  }
}

/** The client's address in a counter key: hashed, so the table does not list who posted (16 bytes are plenty). */
export const clientHashOf = (address: string) =>
  createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 32);

/**
 * Counts a post against its client's and its form's limits, or refuses it with 429 and Retry-After (the
 * seconds until the full window ends). A refused post leaves the counts as they were and writes nothing.
 */
export async function limitFormPosts(
  store: Store,
  ref: FormRef,
  client: string | undefined,
  limits: FormPostLimits,
  now: Date,
): Promise<void> {
  const clientHash = clientHashOf(client ?? 'unknown');
  const verdict = await takeFromRateLimits(
    store,
    [
      {
        name: 'client',
        rate: limits.perClient,
        keyOf: (start) => formsKeys.clientFormPostsWindow(ref.workspaceId, clientHash, start),
      },
      {
        name: 'form',
        rate: limits.perForm,
        keyOf: (start) => formsKeys.formPostsWindow(ref.workspaceId, ref.id, start),
      },
    ],
    now,
  );
  if (!verdict.allowed) {
    throw new FormPostsRateLimitedError(
      verdict.retryAfterSeconds,
      `${verdict.counter} over ${verdict.limit} posts a minute`,
    );
  }
}
