import * as z from 'zod/mini';

/** An email address as the CRM keeps it: trimmed, lower-case, at most 254 characters. */
export const EmailAddress = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254, 'Keep the email under 254 characters.')),
  z.email('Enter a valid email address.'),
);
