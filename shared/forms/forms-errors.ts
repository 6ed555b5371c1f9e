/** The error codes of forms and what a user is told. */
export const formsErrors = {
  'form.not_found': 'This form does not exist.',
  'form.version_conflict': 'Someone else changed this form. Reload it and try again.',
  'form.origin_not_allowed': 'This form cannot be posted from this website.',
  'form.too_many_posts': 'This form has received too many posts. Please wait a minute and try again.',
  'consent.not_found': 'There is no consent to confirm here any more.',
  'consent.link_invalid': 'This confirmation link is not valid. Use the link from the email as it is.',
  'consent.link_expired': 'This confirmation link has expired. Please fill in the form again.',
} as const satisfies Record<string, string>;
