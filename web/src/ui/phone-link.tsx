import { Anchor } from '@mantine/core';
import { phoneMetadata } from '#phone-metadata';
import { formatPhone, homeRegionOf } from './format-phone';

// no workspace country setting exists: the browser's region stands for it (format-phone.ts)
const homeRegion = homeRegionOf(typeof navigator === 'undefined' ? undefined : navigator.language);

/** A stored phone (E.164), shown formatted, as a `tel:` link that dials exactly what is stored. */
export function PhoneLink({ phone }: { phone: string }) {
  return <Anchor href={`tel:${phone}`}>{formatPhone(phone, homeRegion, phoneMetadata())}</Anchor>;
}
