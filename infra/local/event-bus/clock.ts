/** Time as the local bus sees it: the scheduler and the retry backoff take it as a port, so tests drive it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once after `delayMs`; returns a function that cancels it. Never keeps the process alive. */
  setTimer(callback: () => void, delayMs: number): () => void;
}

// setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days): longer waits are chained
const maxTimeoutMs = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    let cancelled = false;
    let timer: NodeJS.Timeout | undefined;
    const wait = (remaining: number) => {
      timer = setTimeout(
        () => {
          if (cancelled) return;
          if (remaining > maxTimeoutMs) wait(remaining - maxTimeoutMs);
          else callback();
        },
        Math.min(Math.max(0, remaining), maxTimeoutMs),
      );
      timer.unref();
    };
    wait(delayMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  },
};
