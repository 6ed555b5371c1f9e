import { type KeyPair, ws } from '../store/key-parts';

/** What a member owns or is assigned, on the byOwner index: `CONTACTS`, `COMPANIES`, `OPEN_TASKS`, `OPEN_TICKETS`, `DEALS`. */
export type OwnedCollection = 'CONTACTS' | 'COMPANIES' | 'OPEN_TASKS' | 'OPEN_TICKETS' | 'DEALS';

/** A member of the workspace (name, email, roles, status, last activity), in its settings partition. */
export const memberKey = (workspaceId: string, memberId: string): KeyPair => ({
  pk: `${ws(workspaceId)}#SETTINGS`,
  sk: `MEMBER#${memberId}`,
});

export const ownedByPartition = (workspaceId: string, memberId: string, collection: OwnedCollection) =>
  `${ws(workspaceId)}#MEMBER#${memberId}#${collection}`;

/**
 * GSI byOwner: a record filed under the member who owns it or is assigned it. `sortKey` orders the
 * collection: a record id (newest first, read descending), or `<dueAt>#<id>` for open tasks and tickets.
 */
export const ownedBy = (
  workspaceId: string,
  memberId: string,
  collection: OwnedCollection,
  sortKey: string,
) => ({ gsi5pk: ownedByPartition(workspaceId, memberId, collection), gsi5sk: sortKey });

/**
 * The team: members of a workspace, and what each owns (decision 150). Built here and nowhere else
 * (keys.ts gathers them); golden tests pin the strings. `memberId` is the member's Cognito `sub`. The
 * request path (every API function checks its caller's member item) imports the builders on their own,
 * since a bundle keeps an object whole once any member is used.
 */
export const teamKeys = {
  member: memberKey,
  membersPrefix: (workspaceId: string) => ({ pk: `${ws(workspaceId)}#SETTINGS`, skPrefix: 'MEMBER#' }),
  ownedBy,
  ownedByPartition,
};
