/** Cognito groups are the roles. Each route in functions/manifest.ts names the roles it admits. */
export const roles = ['admin', 'sales', 'marketing', 'support'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
