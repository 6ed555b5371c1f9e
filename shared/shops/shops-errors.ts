/** The error codes of shops and what a user is told. */
export const shopsErrors = {
  'shop.not_found': 'This shop connection does not exist.',
  'shop.version_conflict': 'Someone else changed this shop connection. Reload it and try again.',
  'shop.secret_from_shopify':
    'A Shopify connection uses the secret Shopify shows you: enter the new one in its settings instead.',
} as const satisfies Record<string, string>;
