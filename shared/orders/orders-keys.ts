import { type KeyPair, ws } from '../store/key-parts';

/**
 * The orders capability: orders, a contact's purchases, checkouts and when they fall due.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const ordersKeys = {
  /** An order of a shop connection, keyed by the shop's order id: a redelivered order collides. */
  order: (workspaceId: string, connectionKey: string, externalId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#ORDER#${connectionKey}#${externalId}`,
    sk: 'ORDER',
  }),
  /** GSI byParent: the orders of a contact, newest first. */
  contactOrder: (workspaceId: string, contactId: string, placedAt: string, orderId: string) => ({
    gsi3pk: `${ws(workspaceId)}#CONTACT#${contactId}#ORDERS`,
    gsi3sk: `${placedAt}#${orderId}`,
  }),
  contactOrdersPartition: (workspaceId: string, contactId: string) =>
    `${ws(workspaceId)}#CONTACT#${contactId}#ORDERS`,
  /** A contact's purchase statistics, server-owned, in the contact's partition beside the contact item. */
  contactPurchases: (workspaceId: string, contactId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: 'PURCHASES',
  }),
  /**
   * GSI byParent: the checkouts of a contact, by their last change at the shop (the contact page lists them
   * newest first; its erasure deletes them). Rewritten with every new state of the checkout.
   */
  contactCheckout: (
    workspaceId: string,
    contactId: string,
    updatedAt: string,
    connectionKey: string,
    token: string,
  ) => ({
    gsi3pk: ordersKeys.contactCheckoutsPartition(workspaceId, contactId),
    gsi3sk: `${updatedAt}#${connectionKey}#${token}`,
  }),
  contactCheckoutsPartition: (workspaceId: string, contactId: string) =>
    `${ws(workspaceId)}#CONTACT#${contactId}#CHECKOUTS`,
  /** A shop checkout (cart), keyed by the shop's checkout token. */
  checkout: (workspaceId: string, connectionKey: string, token: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CHECKOUT#${connectionKey}#${token}`,
    sk: 'CHECKOUT',
  }),
  /** GSI byCollection: the open checkouts of a workspace by the time they count as abandoned. */
  dueCheckout: (workspaceId: string, connectionKey: string, token: string, abandonAfter: string) => ({
    gsi1pk: `${ws(workspaceId)}#CHECKOUTS_DUE`,
    gsi1sk: `${abandonAfter}#${connectionKey}#${token}`,
  }),
  dueCheckoutsPartition: (workspaceId: string) => `${ws(workspaceId)}#CHECKOUTS_DUE`,
};
