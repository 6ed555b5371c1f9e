import { type MetadataJson, parsePhoneNumber } from 'libphonenumber-js/core';

/**
 * A stored E.164 phone as people read it: in national format when the number is of `homeRegion` (the
 * workspace's country), in international format otherwise. What cannot be read is shown as stored.
 * Pure (metadata is passed in), so it is tested without a browser; phone-number.tsx gives it the metadata.
 */
export function formatPhone(e164: string, homeRegion: string | undefined, metadata: MetadataJson): string {
  try {
    const phone = parsePhoneNumber(e164, metadata);
    return phone.country !== undefined && phone.country === homeRegion
      ? phone.formatNational()
      : phone.formatInternational();
  } catch {
    return e164;
  }
}

/**
 * The workspace's country for phones. Workspaces have no country setting (yet), so it is the region of the
 * browser's language, completed where the language names none (`de` → DE, `en` → US); none: undefined.
 */
export function homeRegionOf(language: string | undefined): string | undefined {
  if (!language) return undefined;
  try {
    return new Intl.Locale(language).maximize().region?.toUpperCase();
  } catch {
    return undefined;
  }
}
