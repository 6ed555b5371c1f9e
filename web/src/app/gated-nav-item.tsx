import type { HttpFunctionName } from '../../../functions/manifest';
import { useCan } from '../auth/permissions';
import { type NavArea, NavItem } from './nav-item';

/** A link shown only to roles that may call `needs` (the page would only show a refusal). */
export function GatedNavItem({ needs, ...area }: NavArea & { needs: HttpFunctionName; onNavigate(): void }) {
  return useCan(needs) ? <NavItem {...area} /> : null;
}
