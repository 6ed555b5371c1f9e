/**
 * When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, 12 h after attempts 1 to 5 (each ±20%
 * jitter, so a receiver that comes back is not hit by every retry at the same second), and no more after
 * the 6th attempt: the delivery is `failed` (an admin can still redeliver it).
 */
export const maxAttempts = 6;

const minute = 60_000;
export const retryDelaysMs = [1 * minute, 5 * minute, 30 * minute, 120 * minute, 720 * minute] as const;

export const retryJitter = 0.2;

/** The next attempt after `attemptsMade` attempts failed, or undefined when it is time to give up. */
export function nextAttemptAfter(
  attemptsMade: number,
  now: Date,
  random: () => number = Math.random,
): Date | undefined {
  if (attemptsMade < 1 || attemptsMade >= maxAttempts) return undefined;
  const base = retryDelaysMs[Math.min(attemptsMade, retryDelaysMs.length) - 1] as number;
  const factor = 1 + (random() * 2 - 1) * retryJitter;
  return new Date(now.getTime() + Math.round(base * factor));
}
