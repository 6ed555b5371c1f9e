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
 * API Gateway's JWT authorizer hands claims over as strings, arrays flattened to "[admin sales]";
 * the local cloud passes the decoded JSON. Both shapes are read here.
 */
function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return groupsOf(parsed);
    } catch {
      // the authorizer's "[a b]" form is not JSON
    }
    return trimmed
      .slice(1, -1)
      .split(/[\s,]+/)
      .filter(Boolean);
  }
  return trimmed.split(/[\s,]+/).filter(Boolean);
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
