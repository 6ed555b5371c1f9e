import * as z from 'zod/mini';

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes (not the reserved ones such as UK or EU, not the
 * user-assigned XK). A code is checked against this list: two letters alone let "GE" (Georgia) through
 * for someone who meant Germany, and "XX" through for nobody. Names are not kept here: the web shows
 * them in the user's language (Intl.DisplayNames). One string rather than 249 literals: half the bytes,
 * in every bundle that checks a country.
 */
const assignedCodes =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
  'DE DJ DK DM DO DZ ' +
  'EC EE EG EH ER ES ET ' +
  'FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY ' +
  'HK HM HN HR HT HU ' +
  'ID IE IL IM IN IO IQ IR IS IT ' +
  'JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ ' +
  'LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
  'NA NC NE NF NG NI NL NO NP NR NU NZ ' +
  'OM ' +
  'PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
  'QA ' +
  'RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ ' +
  'VA VC VE VG VI VN VU ' +
  'WF WS ' +
  'YE YT ' +
  'ZA ZM ZW';

export const countryCodes: readonly string[] = assignedCodes.split(' ');

const assigned: ReadonlySet<string> = new Set(countryCodes);

export function isCountryCode(value: string): boolean {
  return assigned.has(value);
}

/** A country as an ISO 3166-1 alpha-2 code: trimmed, upper-cased, and assigned. */
export const CountryCode = z
  .string()
  .check(
    z.trim(),
    z.toUpperCase(),
    z.refine(
      isCountryCode,
      'This is not a country code. Use a two-letter ISO 3166 code, e.g. DE for Germany.',
    ),
  );
