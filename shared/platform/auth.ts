import { UnauthorizedError } from './errors';
import { isRole, type Role } from './roles';

/** Claim names as Cognito puts them in an ID token; the local token issuer uses the same ones. */
export const claimNames = {
  workspaceId: 'custom:workspaceId',
  groups: 'cognito:groups',
  email: 'email',
  subject: 'sub',
} as const;

export const workspaceIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface AuthContext {
  workspaceId: string;
  userId: string;
  email: string;
  roles: Role[];
}

/**
 * Exactly the two shapes `cognito:groups` arrives in: API Gateway's HTTP API JWT authorizer hands every
 * claim over as a string, an array flattened to "[admin sales]" (space-separated in brackets; the local
 * cloud hands them over the same way); the web app reads the decoded token, a JSON array. Anything else (a bare or comma-separated
 * string, JSON text) is no form Cognito and API Gateway produce, so it grants nothing. Group names hold no
 * whitespace (Cognito's name pattern) but may hold commas: a group called "support,admin" is one group.
 */
function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string') return [];
  const flattened = /^\[([^[\]]*)\]$/.exec(value);
  return flattened ? (flattened[1] ?? '').split(' ').filter(Boolean) : [];
}

/** The caller's workspace and roles come from verified token claims only, never from the request. */
export function authFromClaims(claims: Record<string, unknown> | undefined): AuthContext {
  if (!claims) throw new UnauthorizedError('no verified claims on the request');
  const workspaceId = claims[claimNames.workspaceId];
  const userId = claims[claimNames.subject];
  if (typeof workspaceId !== 'string' || !workspaceIdPattern.test(workspaceId)) {
    throw new UnauthorizedError('token has no valid workspace claim');
  }
  if (typeof userId !== 'string' || userId.length === 0) throw new UnauthorizedError('token has no subject');
  const email = typeof claims[claimNames.email] === 'string' ? (claims[claimNames.email] as string) : '';
  return { workspaceId, userId, email, roles: groupsOf(claims[claimNames.groups]).filter(isRole) };
}
