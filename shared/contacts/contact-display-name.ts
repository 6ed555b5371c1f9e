/**
 * How a contact is named on screen and in the name index: "first last", else the email.
 * Kept free of zod and libphonenumber so list pages of the web app do not load them.
 */
export interface NameParts {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}

export function contactDisplayName(contact: NameParts): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return name || contact.email || '';
}

export function hasNameOrEmail(contact: NameParts): boolean {
  return Boolean(contact.firstName || contact.lastName || contact.email);
}
