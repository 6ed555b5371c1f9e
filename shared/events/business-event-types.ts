/**
 * The names of the CRM's business events, without their contracts: what modules that only name events
 * (webhook subscriptions, their form) import, so they do not load every capability's schemas. The contracts
 * live in event-catalog.ts; event-catalog.unit.test.ts keeps the two lists equal.
 */
export const businessEventTypes = [
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'company.created',
  'company.updated',
  'company.deleted',
  'tag.added',
  'tag.removed',
  'list.joined',
  'list.left',
  'form.submitted',
  'consent.confirmed',
  'order.placed',
  'cart.abandoned',
  'ticket.opened',
  'ticket.updated',
  'ticket.resolved',
  'ticket.reopened',
  'task.created',
  'task.updated',
  'task.completed',
  'task.reopened',
  'task.deleted',
  'task.due',
  'member.invited',
  'member.updated',
  'member.deactivated',
  'activity.logged',
] as const;
