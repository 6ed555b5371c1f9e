import { type ContactLinkKind, type KeyPair, ws } from '../store/key-parts';

/**
 * The contacts capability: a contact's email guard, its links to items keyed elsewhere, its erasure marker.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const contactsKeys = {
  /** Uniqueness guard: at most one contact per email in a workspace. */
  contactEmail: (workspaceId: string, email: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT_EMAIL#${email}`,
    sk: 'UNIQUE',
  }),
  // --- privacy ---
  /**
   * A link, in a contact's partition, to an item keyed by something else that carries the contact's data
   * (`kind` DELIVERY: an inbox item and its archive object; OUTBOUND_DELIVERY: an outbound delivery).
   */
  contactLink: (workspaceId: string, contactId: string, kind: ContactLinkKind, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: `LINK#${kind}#${id}`,
  }),
  contactLinksPrefix: (workspaceId: string, contactId: string, kind: ContactLinkKind) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix: `LINK#${kind}#`,
  }),
  /** Kept after an erasure (ids only): writers of a contact's data check it, so nothing comes back. */
  contactErasure: (workspaceId: string, contactId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: 'ERASED',
  }),
  /** Items of a contact's partition whose sort key starts with `skPrefix` (an exact sk is a prefix too). */
  contactPartitionPrefix: (workspaceId: string, contactId: string, skPrefix: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix,
  }),
};
