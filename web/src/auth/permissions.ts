import type { RouteContract } from '../../../shared/platform/capability';
import { useSessionState } from './session-store';

/**
 * Whether the signed-in user's roles admit a route, read from the route's contract that the API
 * enforces, so the UI offers exactly the actions that will work.
 */
export function useCan(route: Pick<RouteContract, 'roles'>): boolean {
  const { session } = useSessionState();
  if (!session) return false;
  if (route.roles === 'public') return true;
  const allowed = route.roles;
  return session.user.roles.some((role) => allowed.includes(role));
}
