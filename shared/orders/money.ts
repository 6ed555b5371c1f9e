/**
 * Amounts are decimal strings as the shops send them ("89.70"); sums are kept in integer minor units of
 * their currency (cents, or yen: ISO 4217 exponents from Intl), so no float ever rounds a total.
 */
const exponents = new Map<string, number>();

export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      exponent = 2;
    }
    exponents.set(currency, exponent);
  }
  return exponent;
}

const decimalPattern = /^(-?)(\d{1,15})(?:\.(\d{1,12}))?$/;

export function isDecimalAmount(value: string): boolean {
  return decimalPattern.test(value);
}

/** "89.70" EUR → 8970; more decimals than the currency has are rounded half away from zero. */
export function toMinorUnits(amount: string, currency: string): number {
  const match = decimalPattern.exec(amount.trim());
  if (!match) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const digits = fraction.padEnd(exponent + 1, '0');
  let minor = Number(whole) * 10 ** exponent + Number(digits.slice(0, exponent) || '0');
  if (Number(digits[exponent]) >= 5) minor += 1;
  return sign === '-' && minor !== 0 ? -minor : minor;
}

export function formatMinorUnits(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  return exponent === 0
    ? `${sign}${digits}`
    : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** A shop's amount (string, or a JSON number for some fields) written the way its currency is. */
export function normalizeAmount(amount: string | number, currency: string): string {
  const text = typeof amount === 'number' ? amount.toFixed(12).replace(/\.?0+$/, '') : amount;
  return formatMinorUnits(toMinorUnits(text, currency), currency);
}
