import type { Deps } from '../platform/deps';
import { ConflictError, NotFoundError } from '../platform/errors';
import { queryAllOfIndex } from '../store/queries';
import { crmTable } from '../store/table';
import { teamKeys } from '../team/team-keys';
import type { Ticket } from './ticket';
import { findTicket } from './ticket-store';
import { writeTicketChange } from './update-ticket';

/** How often one ticket is read again when someone changed it between the read and the write. */
const attempts = 5;

/**
 * Hands one ticket from a deactivated member to another, if it is still open and still theirs: version + 1,
 * its byOwner keys moved, the contact's open work updated and ticket.updated, in one transaction.
 */
async function reassignTicket(
  deps: Deps,
  workspaceId: string,
  ticketId: string,
  from: string,
  to: string,
  actorId: string,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const current = await findTicket(deps.store, workspaceId, ticketId);
    if (!current || current.status === 'resolved' || current.assigneeId !== from) return false;
    const now = deps.clock();
    const next: Ticket = {
      ...current,
      assigneeId: to,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    const effects = {
      firstResponse: false,
      resolved: false,
      reopened: false,
      dueChanged: false,
      changed: ['assigneeId'],
    };
    try {
      await writeTicketChange(deps, workspaceId, current, next, effects, actorId, now);
      return true;
    } catch (error) {
      // erased meanwhile (its contact was): nothing left to hand over
      if (error instanceof NotFoundError) return false;
      // changed meanwhile: read it again (it may have been resolved or reassigned by someone else)
      if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
    }
  }
}

/**
 * member.deactivated for tickets: every open or pending ticket assigned to the member (its byOwner
 * partition) goes to `reassignTo`. Idempotent: a ticket handed over already is no longer the member's, so a
 * retry of the event moves only what is left. Answers how many tickets moved.
 */
export async function reassignMemberTickets(
  deps: Deps,
  workspaceId: string,
  event: { memberId: string; reassignTo: string; deactivatedBy: string },
): Promise<number> {
  if (event.memberId === event.reassignTo) return 0;
  const owned = await queryAllOfIndex(
    deps.store,
    crmTable.indexes.byOwner,
    teamKeys.ownedByPartition(workspaceId, event.memberId, 'OPEN_TICKETS'),
    { attributes: ['id'] },
  );
  let moved = 0;
  for (const item of owned) {
    if (
      await reassignTicket(
        deps,
        workspaceId,
        String(item.id),
        event.memberId,
        event.reassignTo,
        event.deactivatedBy,
      )
    )
      moved++;
  }
  return moved;
}
