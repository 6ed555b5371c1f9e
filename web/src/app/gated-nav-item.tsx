import { webhooksRoutes } from '../../../shared/webhooks/webhooks-routes';
import { useCan } from '../auth/permissions';
import { type NavArea, NavItem } from './nav-item';

/** The routes a navigation link may wait on: its page would only show a refusal to other roles. */
const gates = { ListWebhookDeliveries: webhooksRoutes.ListWebhookDeliveries } as const;
export type NavGate = keyof typeof gates;

/** A link shown only to roles that may call `needs`. */
export function GatedNavItem({ needs, ...area }: NavArea & { needs: NavGate; onNavigate(): void }) {
  return useCan(gates[needs]) ? <NavItem {...area} /> : null;
}
