import { type HttpFunctionName, httpFunctions } from '../../../functions/manifest';
import { useSessionState } from './session-store';

/**
 * Whether the signed-in user's roles admit a route, read from the manifest the API enforces, so the UI
 * offers exactly the actions that will work.
 */
export function useCan(name: HttpFunctionName): boolean {
  const { session } = useSessionState();
  const trigger = httpFunctions.find((fn) => fn.name === name)?.trigger;
  if (!trigger || !session) return false;
  if (trigger.auth === 'none') return true;
  const allowed = trigger.roles ?? [];
  return session.user.roles.some((role) => allowed.includes(role));
}
