/** The error codes of the email capability and what a user is told. */
export const emailErrors = {
  'email.settings_not_found': 'Email sending is not set up yet. An admin sets it in the email settings.',
  'email.settings_missing':
    'Set up email sending first (sender, postal address and time zone in the email settings).',
  'suppression.not_found': 'This address is not suppressed.',
  'email.link_not_found': 'This link is not valid.',
} as const satisfies Record<string, string>;
