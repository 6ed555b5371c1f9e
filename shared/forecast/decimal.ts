/**
 * Exact decimal arithmetic for the forecast: amounts arrive as decimal strings (money.ts, at most 4
 * decimals) and are summed as BigInt counts of millionths, never as floats. Six decimals hold every
 * amount (4) times a whole percent (/100: 2 more) exactly, so a weighted sum is exact until it is
 * rounded once, for display, to its currency's decimals (half up: amounts are never negative).
 */
export const microScale = 6;
const micro = 10n ** BigInt(microScale);

/** "1250.5" → 1250500000n (millionths). Refuses anything that is not a plain non-negative decimal. */
export function toMicros(amount: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(amount);
  if (!match) throw new Error(`not a decimal amount: ${amount}`);
  const [, whole = '0', fraction = ''] = match;
  return BigInt(whole) * micro + BigInt(fraction.padEnd(microScale, '0'));
}

/** An amount times a whole percent, exactly: amount × probability / 100, in millionths. */
export function weightedMicros(amount: string, probability: number): bigint {
  // an amount has at most 4 decimals, so its micros are a multiple of 100: the division is exact
  return (toMicros(amount) * BigInt(probability)) / 100n;
}

/** Millionths as a decimal string with `decimals` places, rounded half up (0 ≤ decimals ≤ 6). */
export function formatMicros(value: bigint, decimals: number): string {
  const step = 10n ** BigInt(microScale - decimals);
  const rounded = ((value + step / 2n) / step) * step;
  const whole = rounded / micro;
  if (decimals === 0) return whole.toString();
  const fraction = (rounded % micro).toString().padStart(microScale, '0').slice(0, decimals);
  return `${whole}.${fraction}`;
}

/** `numerator / denominator` rounded half up to a whole number (both non-negative, denominator > 0). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}
