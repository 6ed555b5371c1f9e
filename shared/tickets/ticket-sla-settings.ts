import type { Deps } from '../platform/deps';
import type { TicketSlaPolicy, TicketSlaSettings } from './ticket';
import { readSlaSettings, writeSlaSettings } from './ticket-store';

export async function getTicketSla({ store }: Pick<Deps, 'store'>, workspaceId: string) {
  return readSlaSettings(store, workspaceId);
}

/** Replaces the policy as a whole. Tickets keep their due times until their priority changes. */
export async function putTicketSla(
  { store, clock }: Deps,
  workspaceId: string,
  actorId: string,
  policy: TicketSlaPolicy,
): Promise<{ settings: TicketSlaSettings; created: boolean }> {
  const settings: TicketSlaSettings = { ...policy, updatedAt: clock().toISOString(), updatedBy: actorId };
  const { created } = await writeSlaSettings(store, workspaceId, settings);
  return { settings, created };
}
