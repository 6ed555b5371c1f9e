import * as z from 'zod/mini';

/**
 * Money is an exact decimal, never a float: the amount travels and is stored as a decimal string
 * ("1250.50"), with an ISO 4217 currency. Sums are exact decimal arithmetic (DynamoDB numbers on the
 * board's counters, BigInt in the forecast), and totals are per currency: the CRM keeps no exchange rates.
 */
export const Amount = z
  .string()
  .check(
    z.regex(
      /^(0|[1-9]\d{0,14})(\.\d{1,4})?$/,
      'Write the amount as a plain decimal such as 1250.50: digits, a point and at most 4 decimals.',
    ),
  );
export type Amount = z.output<typeof Amount>;

/** An ISO 4217 currency code this runtime knows (`EUR`, `USD`, `JPY`). */
export const Currency = z.string().check(
  z.regex(/^[A-Z]{3}$/, 'Give an ISO 4217 currency code such as EUR.'),
  z.refine((code) => isCurrency(code), 'This is not an ISO 4217 currency code.'),
);
export type Currency = z.output<typeof Currency>;

export function isCurrency(code: string): boolean {
  try {
    return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return false;
  }
}

/** The decimals a currency has (2 for EUR, 0 for JPY, 3 for BHD): an amount may not have more. */
export function currencyDecimals(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
    .maximumFractionDigits as number;
}

/** A sum of amounts in one currency. */
export const MoneyTotal = z.object({ currency: z.string(), amount: z.string() });
export type MoneyTotal = z.output<typeof MoneyTotal>;
