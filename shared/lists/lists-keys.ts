import { type KeyPair, ws } from '../store/key-parts';

/**
 * The lists capability: lists and their members.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const listsKeys = {
  // --- lists ---
  /** A list's definition, in the workspace's settings partition (lists are few: one Query reads them all). */
  list: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: `LIST#${id}`,
  }),
  listsPrefix: (workspaceId: string) => ({ pk: `${ws(workspaceId)}#SETTINGS`, skPrefix: 'LIST#' }),
  /**
   * A contact's membership of a list, in the contact's partition (its lists: one Query; deleted with it),
   * indexed on byParent by list (the list's members, in contact id order).
   */
  listMember: (workspaceId: string, listId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: `LIST#${listId}`,
    gsi3pk: `${ws(workspaceId)}#LIST#${listId}#MEMBERS`,
    gsi3sk: contactId,
  }),
  listMembersPartition: (workspaceId: string, listId: string) => `${ws(workspaceId)}#LIST#${listId}#MEMBERS`,
  contactListsPrefix: (workspaceId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix: 'LIST#',
  }),
};
