/**
 * Every key of the table is built here and nowhere else. Each starts with the workspace id that came
 * from the caller's token, so no query can reach another workspace's items. Golden tests pin the strings.
 * Two platform items are the exceptions, read only by background frames, never for a request: the workspace
 * registry (one partition listing every workspace) and the checkpoints of scheduled jobs.
 */
export type KeyPair = { pk: string; sk: string };

const ws = (workspaceId: string) => `WS#${workspaceId}`;

const workspaceRegistryPartition = 'WORKSPACES';
const workspaceRegistrySkPrefix = 'WORKSPACE#';

export type RecordKind = 'CONTACT' | 'COMPANY';

/** Items keyed by something else that a contact's partition links to (see `contactLink`). */
export type ContactLinkKind = 'DELIVERY' | 'OUTBOUND_DELIVERY';

const collectionNames: Record<RecordKind, string> = { CONTACT: 'CONTACTS', COMPANY: 'COMPANIES' };

export const keys = {
  workspacePrefix: (workspaceId: string) => `${ws(workspaceId)}#`,

  record: (workspaceId: string, kind: RecordKind, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#${kind}#${id}`,
    sk: kind,
  }),
  /** GSI byCollection: all records of a kind, newest first (ids are ULIDs). */
  recordCollection: (workspaceId: string, kind: RecordKind, id: string) => ({
    gsi1pk: keys.recordCollectionPartition(workspaceId, kind),
    gsi1sk: id,
  }),
  recordCollectionPartition: (workspaceId: string, kind: RecordKind) =>
    `${ws(workspaceId)}#${collectionNames[kind]}`,
  /** GSI byName: records of a kind by searchable name. */
  recordName: (workspaceId: string, kind: RecordKind, searchableName: string, id: string) => ({
    gsi2pk: `${ws(workspaceId)}#${kind}_NAMES`,
    gsi2sk: `${searchableName}#${id}`,
  }),
  recordNamePartition: (workspaceId: string, kind: RecordKind) => `${ws(workspaceId)}#${kind}_NAMES`,

  /** A tag membership item lives in the record's partition and is indexed by tag. */
  recordTag: (workspaceId: string, kind: RecordKind, id: string, tag: string) => ({
    pk: `${ws(workspaceId)}#${kind}#${id}`,
    sk: `TAG#${tag}`,
    gsi1pk: `${ws(workspaceId)}#${kind}_TAG#${tag}`,
    gsi1sk: id,
  }),
  recordTagPartition: (workspaceId: string, kind: RecordKind, tag: string) =>
    `${ws(workspaceId)}#${kind}_TAG#${tag}`,

  /** Uniqueness guard: at most one contact per email in a workspace. */
  contactEmail: (workspaceId: string, email: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT_EMAIL#${email}`,
    sk: 'UNIQUE',
  }),
  /** GSI byParent: the contacts linked to a company. */
  companyContact: (workspaceId: string, companyId: string, contactId: string) => ({
    gsi3pk: `${ws(workspaceId)}#COMPANY#${companyId}#CONTACTS`,
    gsi3sk: contactId,
  }),
  companyContactsPartition: (workspaceId: string, companyId: string) =>
    `${ws(workspaceId)}#COMPANY#${companyId}#CONTACTS`,

  /** Transactional outbox: the events of one write, published from the table's stream. */
  outbox: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#OUTBOX#${id}`,
    sk: 'OUTBOX',
  }),
  /** GSI byParent: the outbox items whose events carry a contact's data (its erasure deletes them). */
  contactOutbox: (workspaceId: string, contactId: string, id: string) => ({
    gsi3pk: keys.contactOutboxPartition(workspaceId, contactId),
    gsi3sk: id,
  }),
  contactOutboxPartition: (workspaceId: string, contactId: string) =>
    `${ws(workspaceId)}#CONTACT#${contactId}#OUTBOX`,

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

  // --- webhooks: intake and shops ---
  /** A shop connection, in the workspace's settings partition (`id` is the ULID part of the connection id). */
  shopConnection: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: `SHOP_CONNECTION#${id}`,
  }),
  shopConnectionsPrefix: (workspaceId: string) => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    skPrefix: 'SHOP_CONNECTION#',
  }),
  /** Inbox entry of a webhook delivery: keyed by the provider's delivery id, so a redelivery collides. */
  webhookDelivery: (workspaceId: string, source: string, targetId: string, deliveryId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#WEBHOOK#${source}#${targetId}#${deliveryId}`,
    sk: 'WEBHOOK',
  }),
  /** GSI byCollection: every delivery of a workspace, newest first; one delivery by its inbox id. */
  webhookDeliveryCollection: (workspaceId: string, inboxId: string) => ({
    gsi1pk: `${ws(workspaceId)}#WEBHOOKS`,
    gsi1sk: inboxId,
  }),
  webhookDeliveriesPartition: (workspaceId: string) => `${ws(workspaceId)}#WEBHOOKS`,
  /** GSI byParent: the deliveries in one status (received, processed, failed), newest first. */
  webhookDeliveryStatus: (workspaceId: string, status: string, inboxId: string) => ({
    gsi3pk: `${ws(workspaceId)}#WEBHOOKS#${status}`,
    gsi3sk: inboxId,
  }),
  webhookDeliveryStatusPartition: (workspaceId: string, status: string) =>
    `${ws(workspaceId)}#WEBHOOKS#${status}`,
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
  /** GSI byParent: the checkouts of a contact (its erasure deletes them). */
  contactCheckout: (workspaceId: string, contactId: string, connectionKey: string, token: string) => ({
    gsi3pk: keys.contactCheckoutsPartition(workspaceId, contactId),
    gsi3sk: `${connectionKey}#${token}`,
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
  /** GSI acrossWorkspaces (sparse, scanned by scheduled jobs): which workspaces have shop connections. */
  shopConnectionAcrossWorkspaces: (workspaceId: string, id: string) => ({
    gsi4pk: `${ws(workspaceId)}#SHOP_CONNECTIONS`,
    gsi4sk: id,
  }),
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
  // --- webhooks: forms ---
  /** A form definition, in the workspace's settings partition (`id` is the ULID part of the form id). */
  form: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: `FORM#${id}`,
  }),
  formsPrefix: (workspaceId: string) => ({ pk: `${ws(workspaceId)}#SETTINGS`, skPrefix: 'FORM#' }),
  /** An entry of a contact's timeline (a form submission), in the contact's partition. */
  contactActivity: (workspaceId: string, contactId: string, activityId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: `ACTIVITY#${activityId}`,
  }),
  contactActivitiesPrefix: (workspaceId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix: 'ACTIVITY#',
  }),
  /** GSI byParent: the submissions of a form, newest first, on their activity items. */
  formSubmission: (workspaceId: string, formId: string, submissionId: string) => ({
    gsi3pk: `${ws(workspaceId)}#FORM#${formId}#SUBMISSIONS`,
    gsi3sk: submissionId,
  }),
  formSubmissionsPartition: (workspaceId: string, formId: string) =>
    `${ws(workspaceId)}#FORM#${formId}#SUBMISSIONS`,
  /** A consent record of a contact (what it agreed to, when, from where), in the contact's partition. */
  contactConsent: (workspaceId: string, contactId: string, consentId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    sk: `CONSENT#${consentId}`,
  }),
  contactConsentsPrefix: (workspaceId: string, contactId: string) => ({
    pk: `${ws(workspaceId)}#CONTACT#${contactId}`,
    skPrefix: 'CONSENT#',
  }),
  // --- outbound webhooks ---
  /** Outbound webhook subscriptions of a workspace, one partition: each CRM event reads it in one Query. */
  webhookSubscription: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTIONS`,
    sk: `SUBSCRIPTION#${id}`,
  }),
  webhookSubscriptionsPrefix: (workspaceId: string) => ({
    pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTIONS`,
    skPrefix: 'SUBSCRIPTION#',
  }),
  /** GSI acrossWorkspaces (sparse, scanned by the retry job): every subscription, so it knows whom to sweep. */
  webhookSubscriptionAcrossWorkspaces: (workspaceId: string, id: string) => ({
    gsi4pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTIONS`,
    gsi4sk: id,
  }),
  /** One outbound delivery: an event for a subscription, with its attempts. */
  outboundDelivery: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#OUTBOUND_DELIVERY#${id}`,
    sk: 'OUTBOUND_DELIVERY',
  }),
  /** GSI byParent: the delivery log of a subscription, newest first. */
  outboundDeliveryOfSubscription: (workspaceId: string, subscriptionId: string, id: string) => ({
    gsi3pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTION#${subscriptionId}#DELIVERIES`,
    gsi3sk: id,
  }),
  outboundDeliveriesPartition: (workspaceId: string, subscriptionId: string) =>
    `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTION#${subscriptionId}#DELIVERIES`,
  /** GSI byCollection: the deliveries of a subscription in one status, newest first. */
  outboundDeliveryInStatus: (workspaceId: string, subscriptionId: string, status: string, id: string) => ({
    gsi1pk: `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTION#${subscriptionId}#DELIVERIES#${status}`,
    gsi1sk: id,
  }),
  outboundDeliveriesInStatusPartition: (workspaceId: string, subscriptionId: string, status: string) =>
    `${ws(workspaceId)}#WEBHOOK_SUBSCRIPTION#${subscriptionId}#DELIVERIES#${status}`,
  /** GSI byName, its sort key ordered by time here: a workspace's pending deliveries by next attempt. */
  outboundDeliveryDue: (workspaceId: string, nextAttemptAt: string, id: string) => ({
    gsi2pk: `${ws(workspaceId)}#OUTBOUND_DELIVERIES_DUE`,
    gsi2sk: `${nextAttemptAt}#${id}`,
  }),
  outboundDeliveriesDuePartition: (workspaceId: string) => `${ws(workspaceId)}#OUTBOUND_DELIVERIES_DUE`,

  /** Custom field definitions of a workspace, one partition. */
  fieldDefinition: (workspaceId: string, entity: string, key: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: `FIELD#${entity}#${key}`,
  }),
  fieldDefinitionsPrefix: (workspaceId: string, entity?: string) => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    skPrefix: entity ? `FIELD#${entity}#` : 'FIELD#',
  }),

  // --- platform: background frames (decision 100) ---
  /** One consumer's dedupe of one event: a claim while it runs, then "handled" until its TTL. */
  eventHandled: (workspaceId: string, consumer: string, eventId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#EVENT#${eventId}#HANDLED_BY#${consumer}`,
    sk: 'EVENT_HANDLED',
  }),
  /** The workspace registry: every workspace in one partition, so jobs list them with a Query. */
  workspaceRegistration: (workspaceId: string): KeyPair => ({
    pk: workspaceRegistryPartition,
    sk: `${workspaceRegistrySkPrefix}${workspaceId}`,
  }),
  workspaceRegistryPrefix: () => ({ pk: workspaceRegistryPartition, skPrefix: workspaceRegistrySkPrefix }),
  /** A scheduled job's checkpoint: the workspace its current sweep reached. */
  jobCheckpoint: (jobName: string): KeyPair => ({ pk: `JOB#${jobName}`, sk: 'CHECKPOINT' }),
};
