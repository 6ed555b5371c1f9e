/**
 * Exact decimal arithmetic on amount strings ("1250.50") for the board's optimistic totals: a move takes
 * a card's amount off one column's sum and adds it to another's. Amounts are scaled BigInts here and never
 * JS numbers, so a sum shows what the API will answer.
 */
interface Scaled {
  units: bigint;
  scale: number;
}

function scaledOf(text: string): Scaled {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(`${whole}${fraction}` || '0');
  return { units: negative ? -units : units, scale: fraction.length };
}

const rescaled = (value: Scaled, scale: number) => value.units * 10n ** BigInt(scale - value.scale);

function textOf(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `a + b`, exactly. */
export function addDecimal(a: string, b: string): string {
  const x = scaledOf(a);
  const y = scaledOf(b);
  const scale = Math.max(x.scale, y.scale);
  return textOf(rescaled(x, scale) + rescaled(y, scale), scale);
}

/** `a - b`, exactly. */
export function subtractDecimal(a: string, b: string): string {
  return addDecimal(a, b.startsWith('-') ? b.slice(1) : `-${b}`);
}

/** `amount × percent / 100`, exactly (a stage's weighted sum). */
export function weightedDecimal(amount: string, percent: number): string {
  const x = scaledOf(amount);
  return textOf(x.units * BigInt(percent), x.scale + 2);
}

/** Whether the decimal is zero ("0", "0.00"). */
export const isZeroDecimal = (text: string) => scaledOf(text).units === 0n;
