/** The error codes of email templates and what a user is told. */
export const emailTemplatesErrors = {
  'email_template.not_found': 'This email template does not exist.',
  'email_template.version_conflict': 'Someone else changed this template. Reload it and try again.',
  'email_template.unknown_merge_field':
    'Some merge fields cannot be used: each is named with its part, line and column.',
  'email_template.not_compiled':
    'The template is still being compiled, or its MJML has errors. Wait a moment or fix the errors shown.',
} as const satisfies Record<string, string>;
