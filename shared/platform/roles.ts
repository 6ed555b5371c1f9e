/** Cognito groups are the roles. Each route of a capability (its `*-routes.ts`) names the roles it admits. */
export const roles = ['admin', 'sales', 'marketing', 'support'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The role sets routes admit, named by who they are. */
export const everyone: readonly Role[] = roles;
export const admins: readonly Role[] = ['admin'];
export const salesTeam: readonly Role[] = ['admin', 'sales'];
export const marketingTeam: readonly Role[] = ['admin', 'marketing'];
