import { countryCodes } from '../../../shared/records/country-code';

export interface CountryOption {
  value: string;
  label: string;
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);

/** Country names in the user's languages; a code the browser has no name for shows as itself. */
export function countryNameOf(locales: readonly string[] = browserLanguages()) {
  const names = new Intl.DisplayNames([...locales], { type: 'region', fallback: 'code' });
  return (code: string): string => {
    try {
      return names.of(code) ?? code;
    } catch {
      // a stored value that is no region code at all (kept from before codes were checked)
      return code;
    }
  };
}

let browserNameOf: ((code: string) => string) | undefined;

/** The name of a stored country code, for pages: "Germany" for DE (in English), nothing for none. */
export function countryName(code: string | undefined, locales?: readonly string[]): string {
  if (!code) return '';
  if (locales) return countryNameOf(locales)(code);
  browserNameOf ??= countryNameOf();
  return browserNameOf(code);
}

/**
 * Every assigned country as a picker option, by name in the user's language. A stored code that is not
 * among them (saved before codes were checked) is kept as an option, so the form still shows it.
 */
export function countryOptions(
  locales: readonly string[] = browserLanguages(),
  current = '',
): CountryOption[] {
  const nameOf = countryNameOf(locales);
  const collator = new Intl.Collator([...locales]);
  const codes: string[] = [...countryCodes];
  if (current && !codes.includes(current)) codes.push(current);
  return codes
    .map((code) => ({ value: code, label: nameOf(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** Lower case without accents, so "osterreich" finds "Österreich" and "cote" finds "Côte d'Ivoire". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * The options a search finds: its exact code first (typing "de" finds Germany), then names starting with
 * it, then names with a word starting with it.
 */
export function matchingCountries<Option extends CountryOption>(
  options: readonly Option[],
  search: string,
): Option[] {
  const query = folded(search);
  if (query === '') return [...options];
  const byCode = options.filter((option) => option.value.toLowerCase() === query);
  const starting = options.filter(
    (option) => !byCode.includes(option) && folded(option.label).startsWith(query),
  );
  const withWord = options.filter(
    (option) =>
      !byCode.includes(option) &&
      !starting.includes(option) &&
      folded(option.label)
        .split(/[\s\-–'’(),.]+/)
        .some((word) => word.startsWith(query)),
  );
  return [...byCode, ...starting, ...withWord];
}
