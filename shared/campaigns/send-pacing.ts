/**
 * How fast a runner sends (decision 170): never above the deployment's SES quota (`SES_MAX_SEND_RATE`, sending-config.ts;
 * shared by every campaign through a one-second window counter in the table, rate-limit.ts), nor above the campaign's own rate; after
 * SES throttles, retries back off exponentially from 200 ms and the runner's own rate halves for a minute.
 * Pure: unit-tested.
 */
/** The back-off before retry `attempt` (1, 2, ...) after SES throttled: 200 ms doubling, at most 10 s. */
export function throttleBackoffMs(attempt: number): number {
  return Math.min(200 * 2 ** Math.max(0, attempt - 1), 10_000);
}

export const halvedRateForMs = 60_000;

/** The runner's own rate: the campaign's (or the quota), halved while a throttle is recent, at least 1. */
export function effectiveRate(
  options: { quota: number; campaignRate?: number; throttledAt?: number },
  now: number,
): number {
  const base = Math.min(options.quota, options.campaignRate ?? options.quota);
  const halved = options.throttledAt !== undefined && now - options.throttledAt < halvedRateForMs;
  return Math.max(1, halved ? Math.floor(base / 2) : base);
}

/** SES said "too fast": nothing was sent, the same recipient is tried again after a back-off. */
export function isThrottling(error: unknown): boolean {
  const { name, message, $metadata } = (error ?? {}) as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  return (
    name === 'TooManyRequestsException' ||
    name === 'ThrottlingException' ||
    name === 'Throttling' ||
    $metadata?.httpStatusCode === 429 ||
    /maximum sending rate exceeded/i.test(message ?? '')
  );
}

/** SES refused this message for good (the address or the content): the recipient fails with the reason. */
export function isPermanentRejection(error: unknown): boolean {
  const { name } = (error ?? {}) as { name?: string };
  return (
    name === 'MessageRejected' ||
    name === 'BadRequestException' ||
    name === 'MailFromDomainNotVerifiedException' ||
    name === 'NotFoundException'
  );
}

/** At most this many messages under way at once in one runner. */
export const maxSendConcurrency = 8;

/**
 * How many messages one runner has under way at once: enough that the rate, not SES's answer time, sets
 * the pace. A message takes up to ~200 ms in Lambda (claim, SES call, record), so `rate / 5`, at least 1
 * and at most 8: 3 at SES's default 14 a second.
 */
export function sendConcurrency(quota: number, campaignRate?: number): number {
  const rate = Math.min(quota, campaignRate ?? quota);
  return Math.min(maxSendConcurrency, Math.max(1, Math.ceil(rate / 5)));
}
