import type { MetadataJson } from 'libphonenumber-js/core';

/**
 * Reads a phone number typed in international format and returns it in E.164, or undefined when it is
 * not a valid number. It follows libphonenumber-js's `parsePhoneNumber(text)?.isValid()` step for step
 * on libphonenumber's own metadata (decision 120 says why the library's 38 KB of code is not in the
 * Lambdas); `phone-number-parity.unit.test.ts` holds it to the library's answers.
 *
 * Stricter than the library in one way: only a `+`, digits and the separators people type are taken.
 * No extension ("ext. 12" would be dropped silently), no letters, no `tel:` URI.
 */
export function toE164(text: string, metadata: MetadataJson): string | undefined {
  const typed = text.normalize('NFKC').trim();
  if (!typedInternationalNumber.test(typed)) return undefined;
  const digits = typed.replace(/\D/g, '');
  if (digits.startsWith('0')) return undefined;
  for (let length = 1; length <= 3 && length < digits.length; length++) {
    const callingCode = digits.slice(0, length);
    const countries =
      metadata.country_calling_codes[callingCode] ??
      (metadata.nonGeographic?.[callingCode] ? ['001'] : undefined);
    if (countries) return nationalNumberOf({ callingCode, countries, metadata }, digits.slice(length));
  }
  return undefined;
}

/** A leading plus, then digits with the separators people type between them (spaces, dashes, dots, brackets, slashes). */
const typedInternationalNumber = /^\+[\s\d().\-/\u2010-\u2015]*\d[\s\d().\-/\u2010-\u2015]*$/;
const nationalNumberLengths = { min: 2, max: 17 };

/** The calling code a number was dialled with, the countries sharing it ('001' alone: non-geographic), and the metadata. */
interface Dialled {
  callingCode: string;
  countries: string[];
  metadata: MetadataJson;
}

function nationalNumberOf(dialled: Dialled, number: string): string | undefined {
  const main = planOf(dialled.countries[0] as string, dialled);
  if (!main) return undefined;
  const nationalNumber = withoutNationalPrefix(number, main, dialled);
  const plan = planOf(countryOf(nationalNumber, dialled), dialled) ?? main;
  if (
    nationalNumber.length < nationalNumberLengths.min ||
    nationalNumber.length > nationalNumberLengths.max
  ) {
    return undefined;
  }
  return isValidIn(plan, nationalNumber) ? `+${dialled.callingCode}${nationalNumber}` : undefined;
}

/** A numbering plan in libphonenumber's metadata (v4 layout): only the fields validation reads. */
interface NumberingPlan {
  nationalNumberPattern: string;
  possibleLengths: number[] | undefined;
  nationalPrefixForParsing: string | undefined;
  nationalPrefixTransformRule: string | undefined;
  leadingDigits: string | undefined;
  /** fixed line, mobile, toll free, premium rate, personal, voicemail, UAN, pager, VoIP, shared cost */
  types: Array<[string, number[]?] | 0 | undefined> | undefined;
}

type PlanFields = [
  string, // 0 calling code
  unknown, // 1 IDD prefix
  string, // 2 national number pattern
  number[] | undefined, // 3 possible lengths
  unknown, // 4 formats
  string | undefined, // 5 national prefix
  unknown, // 6 national prefix formatting rule
  string | undefined, // 7 national prefix for parsing
  string | undefined, // 8 national prefix transform rule
  unknown, // 9 national prefix optional when formatting
  string | undefined, // 10 leading digits
  NumberingPlan['types'], // 11 types
];

/** A country's plan; '001' stands for a non-geographic calling code (+800, +882...). */
function planOf(country: string | undefined, { callingCode, metadata }: Dialled): NumberingPlan | undefined {
  if (!country) return undefined;
  const plans = (country === '001' ? metadata.nonGeographic : metadata.countries) as Record<string, unknown>;
  const source = plans[country === '001' ? callingCode : country] as PlanFields | undefined;
  if (!source) return undefined;
  return {
    nationalNumberPattern: source[2],
    possibleLengths: source[3] || undefined,
    nationalPrefixForParsing: source[7] || source[5] || undefined,
    nationalPrefixTransformRule: source[8] || undefined,
    leadingDigits: source[10] || undefined,
    types: source[11] || undefined,
  };
}

/** "+44 (0)20…": a national prefix typed after the calling code is dropped when the rest is still possible. */
function withoutNationalPrefix(number: string, plan: NumberingPlan, dialled: Dialled): string {
  if (!plan.nationalPrefixForParsing) return number;
  const prefix = new RegExp(`^(?:${plan.nationalPrefixForParsing})`);
  const match = prefix.exec(number);
  if (!match) return number;
  const groups = match.length - 1;
  const stripped =
    plan.nationalPrefixTransformRule && groups > 0 && match[groups]
      ? number.replace(prefix, plan.nationalPrefixTransformRule)
      : number.slice(match[0].length);
  if (stripped === number) return number;
  if (
    matchesEntirely(number, plan.nationalNumberPattern) &&
    !matchesEntirely(stripped, plan.nationalNumberPattern)
  ) {
    return number;
  }
  if (plan.possibleLengths) {
    const lengths = (planOf(countryOf(stripped, dialled), dialled) ?? plan).possibleLengths;
    if (lengths && !isPossibleLength(stripped.length, lengths)) return number;
  }
  return stripped;
}

/** libphonenumber's checkNumberLength, where only too short and a gap in the lengths count against a number. */
function isPossibleLength(length: number, lengths: number[]): boolean {
  const shortest = lengths[0] as number;
  if (length <= shortest) return length === shortest;
  return length > (lengths[lengths.length - 1] as number) || lengths.includes(length);
}

/** Which of the countries sharing a calling code a number belongs to: by leading digits, else by its type. */
function countryOf(nationalNumber: string, dialled: Dialled): string | undefined {
  if (dialled.countries.length === 1) return dialled.countries[0];
  return dialled.countries.find((country) => {
    const plan = planOf(country, dialled);
    if (!plan) return false;
    if (plan.leadingDigits) return nationalNumber.search(plan.leadingDigits) === 0;
    return numberTypeMatches(plan, nationalNumber);
  });
}

/** libphonenumber's isValid: the general pattern, and a type it matches when the plan lists types. */
function isValidIn(plan: NumberingPlan, nationalNumber: string): boolean {
  if (!plan.types?.length) return matchesEntirely(nationalNumber, plan.nationalNumberPattern);
  return numberTypeMatches(plan, nationalNumber);
}

/** libphonenumber's getNumberType !== undefined. */
function numberTypeMatches(plan: NumberingPlan, nationalNumber: string): boolean {
  if (!matchesEntirely(nationalNumber, plan.nationalNumberPattern)) return false;
  return (plan.types ?? []).some((type) => {
    if (typeof type !== 'object' || !type[0]) return false;
    const [pattern, typeLengths] = type;
    const lengths = typeLengths ?? plan.possibleLengths;
    if (lengths && !lengths.includes(nationalNumber.length)) return false;
    return matchesEntirely(nationalNumber, pattern);
  });
}

function matchesEntirely(text: string, pattern: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(text);
}
