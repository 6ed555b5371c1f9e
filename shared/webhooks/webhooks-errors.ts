/** The error codes of webhooks and what a user is told. */
export const webhooksErrors = {
  'webhook.bad_signature': 'The webhook signature is missing, expired or does not match the secret.',
  'webhook.unknown_connection': 'There is no shop connection at this webhook address.',
  'webhook.malformed': 'The webhook body is not a valid delivery for its topic.',
  'webhook.too_large': 'The webhook body is larger than 1 MB.',
  'webhook.not_found': 'This webhook delivery does not exist.',
} as const satisfies Record<string, string>;
