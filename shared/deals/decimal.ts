/**
 * Exact decimal arithmetic on the strings amounts travel as (money.ts), with BigInt: never a float. A
 * value is scaled by 10^scale; the board's weighted sums are a stage's sum × its probability ÷ 100.
 */
const pattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal string as a BigInt scaled by 10^scale (more decimals than `scale` are refused). */
export function toScaled(text: string, scale: number): bigint {
  const match = pattern.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > scale) throw new Error(`${text} has more than ${scale} decimals`);
  const digits = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return sign ? -digits : digits;
}

/** A scaled BigInt back as a decimal string with at least `minDecimals` decimals (trailing zeros trimmed beyond). */
export function fromScaled(value: bigint, scale: number, minDecimals = 0): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, '0');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The decimals of a decimal string (`1250.50` → 2). */
export const decimalsOf = (text: string): number => text.split('.')[1]?.length ?? 0;

/** `-amount` as a decimal string ("0" stays "0"). */
export function negated(amount: string): string {
  if (/^-/.test(amount)) return amount.slice(1);
  return /^0(\.0*)?$/.test(amount) ? amount : `-${amount}`;
}

/** a + b, exactly. */
export function added(a: string, b: string): string {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  return fromScaled(toScaled(a, scale) + toScaled(b, scale), scale);
}

/** True when the decimal string is zero ("0", "0.00", "-0"). */
export const isZero = (text: string): boolean => /^-?0*(\.0*)?$/.test(text.trim()) || Number(text) === 0;

/**
 * `sum × probability ÷ 100`, exact: at most two decimals more than the sum has. Shown with at least the
 * currency's decimals, so `1000` at 25 % in EUR is `250.00` and `0.01` at 25 % is `0.0025`.
 */
export function weighted(sum: string, probability: number, currencyDecimals: number): string {
  const scale = decimalsOf(sum) + 2;
  const value = toScaled(sum, decimalsOf(sum)) * BigInt(probability);
  return fromScaled(value, scale, currencyDecimals);
}

/** An amount shown with its currency's decimals (`1250.5` in EUR → `1250.50`); extra decimals are kept. */
export function withDecimals(amount: string, currencyDecimals: number): string {
  const scale = Math.max(decimalsOf(amount), currencyDecimals);
  return fromScaled(toScaled(amount, scale), scale, currencyDecimals);
}
