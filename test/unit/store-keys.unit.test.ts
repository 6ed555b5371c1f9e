import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { crmTable } from '../../shared/store/table';

const ws = 'acme-1';
const id = '01J9ZK3T5Q8W6N4M2P0R7S9V1X';
const companyId = '01J9ZK3T5Q8W6N4M2P0R7S9V2Y';

/** Golden key strings: changing one orphans every item already stored under it. */
const golden = {
  workspacePrefix: [keys.workspacePrefix(ws), 'WS#acme-1#'],
  record: [keys.record(ws, 'CONTACT', id), { pk: `WS#acme-1#CONTACT#${id}`, sk: 'CONTACT' }],
  recordCollection: [keys.recordCollection(ws, 'COMPANY', id), { gsi1pk: 'WS#acme-1#COMPANIES', gsi1sk: id }],
  recordCollectionPartition: [keys.recordCollectionPartition(ws, 'CONTACT'), 'WS#acme-1#CONTACTS'],
  recordName: [
    keys.recordName(ws, 'CONTACT', 'zoe unal', id),
    { gsi2pk: 'WS#acme-1#CONTACT_NAMES', gsi2sk: `zoe unal#${id}` },
  ],
  recordNamePartition: [keys.recordNamePartition(ws, 'COMPANY'), 'WS#acme-1#COMPANY_NAMES'],
  recordTag: [
    keys.recordTag(ws, 'CONTACT', id, 'vip'),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: 'TAG#vip', gsi1pk: 'WS#acme-1#CONTACT_TAG#vip', gsi1sk: id },
  ],
  recordTagPartition: [keys.recordTagPartition(ws, 'COMPANY', 'vip'), 'WS#acme-1#COMPANY_TAG#vip'],
  contactEmail: [
    keys.contactEmail(ws, 'zoe@example.com'),
    { pk: 'WS#acme-1#CONTACT_EMAIL#zoe@example.com', sk: 'UNIQUE' },
  ],
  companyContact: [
    keys.companyContact(ws, companyId, id),
    { gsi3pk: `WS#acme-1#COMPANY#${companyId}#CONTACTS`, gsi3sk: id },
  ],
  companyContactsPartition: [
    keys.companyContactsPartition(ws, companyId),
    `WS#acme-1#COMPANY#${companyId}#CONTACTS`,
  ],
  outbox: [keys.outbox(ws, id), { pk: `WS#acme-1#OUTBOX#${id}`, sk: 'OUTBOX' }],
  contactOutbox: [
    keys.contactOutbox(ws, id, companyId),
    { gsi3pk: `WS#acme-1#CONTACT#${id}#OUTBOX`, gsi3sk: companyId },
  ],
  contactOutboxPartition: [keys.contactOutboxPartition(ws, id), `WS#acme-1#CONTACT#${id}#OUTBOX`],
  // --- privacy ---
  contactLink: [
    keys.contactLink(ws, id, 'DELIVERY', companyId),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: `LINK#DELIVERY#${companyId}` },
  ],
  contactLinksPrefix: [
    keys.contactLinksPrefix(ws, id, 'OUTBOUND_DELIVERY'),
    { pk: `WS#acme-1#CONTACT#${id}`, skPrefix: 'LINK#OUTBOUND_DELIVERY#' },
  ],
  contactErasure: [keys.contactErasure(ws, id), { pk: `WS#acme-1#CONTACT#${id}`, sk: 'ERASED' }],
  contactPartitionPrefix: [
    keys.contactPartitionPrefix(ws, id, 'PURCHASES'),
    { pk: `WS#acme-1#CONTACT#${id}`, skPrefix: 'PURCHASES' },
  ],
  // --- webhooks: intake and shops ---
  shopConnection: [keys.shopConnection(ws, id), { pk: 'WS#acme-1#SETTINGS', sk: `SHOP_CONNECTION#${id}` }],
  shopConnectionsPrefix: [
    keys.shopConnectionsPrefix(ws),
    { pk: 'WS#acme-1#SETTINGS', skPrefix: 'SHOP_CONNECTION#' },
  ],
  shopConnectionAcrossWorkspaces: [
    keys.shopConnectionAcrossWorkspaces(ws, id),
    { gsi4pk: 'WS#acme-1#SHOP_CONNECTIONS', gsi4sk: id },
  ],
  webhookDelivery: [
    keys.webhookDelivery(ws, 'shopify', id, 'b54557e4-bdd9'),
    { pk: `WS#acme-1#WEBHOOK#shopify#${id}#b54557e4-bdd9`, sk: 'WEBHOOK' },
  ],
  webhookDeliveryCollection: [
    keys.webhookDeliveryCollection(ws, companyId),
    { gsi1pk: 'WS#acme-1#WEBHOOKS', gsi1sk: companyId },
  ],
  webhookDeliveriesPartition: [keys.webhookDeliveriesPartition(ws), 'WS#acme-1#WEBHOOKS'],
  webhookDeliveryStatus: [
    keys.webhookDeliveryStatus(ws, 'failed', companyId),
    { gsi3pk: 'WS#acme-1#WEBHOOKS#failed', gsi3sk: companyId },
  ],
  webhookDeliveryStatusPartition: [
    keys.webhookDeliveryStatusPartition(ws, 'received'),
    'WS#acme-1#WEBHOOKS#received',
  ],
  order: [keys.order(ws, id, '5938475629384'), { pk: `WS#acme-1#ORDER#${id}#5938475629384`, sk: 'ORDER' }],
  contactOrder: [
    keys.contactOrder(ws, id, '2025-05-14T08:22:30.000Z', companyId),
    { gsi3pk: `WS#acme-1#CONTACT#${id}#ORDERS`, gsi3sk: `2025-05-14T08:22:30.000Z#${companyId}` },
  ],
  contactOrdersPartition: [keys.contactOrdersPartition(ws, id), `WS#acme-1#CONTACT#${id}#ORDERS`],
  contactPurchases: [keys.contactPurchases(ws, id), { pk: `WS#acme-1#CONTACT#${id}`, sk: 'PURCHASES' }],
  contactCheckout: [
    keys.contactCheckout(ws, id, '2025-05-14T09:05:49.000Z', companyId, 'tok-1'),
    {
      gsi3pk: `WS#acme-1#CONTACT#${id}#CHECKOUTS`,
      gsi3sk: `2025-05-14T09:05:49.000Z#${companyId}#tok-1`,
    },
  ],
  contactCheckoutsPartition: [keys.contactCheckoutsPartition(ws, id), `WS#acme-1#CONTACT#${id}#CHECKOUTS`],
  checkout: [keys.checkout(ws, id, 'tok-1'), { pk: `WS#acme-1#CHECKOUT#${id}#tok-1`, sk: 'CHECKOUT' }],
  dueCheckout: [
    keys.dueCheckout(ws, id, 'tok-1', '2025-05-14T13:05:49.000Z'),
    { gsi1pk: 'WS#acme-1#CHECKOUTS_DUE', gsi1sk: `2025-05-14T13:05:49.000Z#${id}#tok-1` },
  ],
  dueCheckoutsPartition: [keys.dueCheckoutsPartition(ws), 'WS#acme-1#CHECKOUTS_DUE'],
  // --- outbound webhooks ---
  webhookSubscription: [
    keys.webhookSubscription(ws, id),
    { pk: 'WS#acme-1#WEBHOOK_SUBSCRIPTIONS', sk: `SUBSCRIPTION#${id}` },
  ],
  webhookSubscriptionsPrefix: [
    keys.webhookSubscriptionsPrefix(ws),
    { pk: 'WS#acme-1#WEBHOOK_SUBSCRIPTIONS', skPrefix: 'SUBSCRIPTION#' },
  ],
  webhookSubscriptionAcrossWorkspaces: [
    keys.webhookSubscriptionAcrossWorkspaces(ws, id),
    { gsi4pk: 'WS#acme-1#WEBHOOK_SUBSCRIPTIONS', gsi4sk: id },
  ],
  outboundDelivery: [
    keys.outboundDelivery(ws, id),
    { pk: `WS#acme-1#OUTBOUND_DELIVERY#${id}`, sk: 'OUTBOUND_DELIVERY' },
  ],
  outboundDeliveryOfSubscription: [
    keys.outboundDeliveryOfSubscription(ws, companyId, id),
    { gsi3pk: `WS#acme-1#WEBHOOK_SUBSCRIPTION#${companyId}#DELIVERIES`, gsi3sk: id },
  ],
  outboundDeliveriesPartition: [
    keys.outboundDeliveriesPartition(ws, companyId),
    `WS#acme-1#WEBHOOK_SUBSCRIPTION#${companyId}#DELIVERIES`,
  ],
  outboundDeliveryInStatus: [
    keys.outboundDeliveryInStatus(ws, companyId, 'failed', id),
    { gsi1pk: `WS#acme-1#WEBHOOK_SUBSCRIPTION#${companyId}#DELIVERIES#failed`, gsi1sk: id },
  ],
  outboundDeliveriesInStatusPartition: [
    keys.outboundDeliveriesInStatusPartition(ws, companyId, 'pending'),
    `WS#acme-1#WEBHOOK_SUBSCRIPTION#${companyId}#DELIVERIES#pending`,
  ],
  outboundDeliveryDue: [
    keys.outboundDeliveryDue(ws, '2026-01-02T03:04:05.000Z', id),
    { gsi2pk: 'WS#acme-1#OUTBOUND_DELIVERIES_DUE', gsi2sk: `2026-01-02T03:04:05.000Z#${id}` },
  ],
  outboundDeliveriesDuePartition: [
    keys.outboundDeliveriesDuePartition(ws),
    'WS#acme-1#OUTBOUND_DELIVERIES_DUE',
  ],
  // forms and consent
  list: [keys.list(ws, id), { pk: 'WS#acme-1#SETTINGS', sk: `LIST#${id}` }],
  listsPrefix: [keys.listsPrefix(ws), { pk: 'WS#acme-1#SETTINGS', skPrefix: 'LIST#' }],
  listMember: [
    keys.listMember(ws, id, companyId),
    {
      pk: `WS#acme-1#CONTACT#${companyId}`,
      sk: `LIST#${id}`,
      gsi3pk: `WS#acme-1#LIST#${id}#MEMBERS`,
      gsi3sk: companyId,
    },
  ],
  listMembersPartition: [keys.listMembersPartition(ws, id), `WS#acme-1#LIST#${id}#MEMBERS`],
  contactListsPrefix: [keys.contactListsPrefix(ws, id), { pk: `WS#acme-1#CONTACT#${id}`, skPrefix: 'LIST#' }],
  form: [keys.form(ws, id), { pk: 'WS#acme-1#SETTINGS', sk: `FORM#${id}` }],
  formsPrefix: [keys.formsPrefix(ws), { pk: 'WS#acme-1#SETTINGS', skPrefix: 'FORM#' }],
  contactActivity: [
    keys.contactActivity(ws, id, companyId),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: `ACTIVITY#${companyId}` },
  ],
  contactActivitiesPrefix: [
    keys.contactActivitiesPrefix(ws, id),
    { pk: `WS#acme-1#CONTACT#${id}`, skPrefix: 'ACTIVITY#' },
  ],
  formSubmission: [
    keys.formSubmission(ws, id, companyId),
    { gsi3pk: `WS#acme-1#FORM#${id}#SUBMISSIONS`, gsi3sk: companyId },
  ],
  formSubmissionsPartition: [keys.formSubmissionsPartition(ws, id), `WS#acme-1#FORM#${id}#SUBMISSIONS`],
  contactConsent: [
    keys.contactConsent(ws, id, companyId),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: `CONSENT#${companyId}` },
  ],
  contactConsentsPrefix: [
    keys.contactConsentsPrefix(ws, id),
    { pk: `WS#acme-1#CONTACT#${id}`, skPrefix: 'CONSENT#' },
  ],
  confirmationMail: [
    keys.confirmationMail(ws, id, 'ab12'),
    { pk: `WS#acme-1#FORM#${id}#CONFIRMATION_MAIL#ab12`, sk: 'CONFIRMATION_MAIL' },
  ],
  confirmationMailOfEmail: [
    keys.confirmationMailOfEmail(ws, 'ab12', id),
    { gsi3pk: 'WS#acme-1#EMAIL#ab12#CONFIRMATION_MAILS', gsi3sk: id },
  ],
  confirmationMailsOfEmailPartition: [
    keys.confirmationMailsOfEmailPartition(ws, 'ab12'),
    'WS#acme-1#EMAIL#ab12#CONFIRMATION_MAILS',
  ],
  formPostsWindow: [
    keys.formPostsWindow(ws, id, 1_800_000_040),
    { pk: `WS#acme-1#FORM#${id}#POSTS#1800000040`, sk: 'RATE' },
  ],
  clientFormPostsWindow: [
    keys.clientFormPostsWindow(ws, 'cd34', 1_800_000_040),
    { pk: 'WS#acme-1#CLIENT#cd34#FORM_POSTS#1800000040', sk: 'RATE' },
  ],
  fieldDefinition: [
    keys.fieldDefinition(ws, 'contact', 'tier'),
    { pk: 'WS#acme-1#SETTINGS', sk: 'FIELD#contact#tier' },
  ],
  fieldDefinitionsPrefix: [
    keys.fieldDefinitionsPrefix(ws, 'company'),
    { pk: 'WS#acme-1#SETTINGS', skPrefix: 'FIELD#company#' },
  ],
  // --- activities: timeline and open work (decision 150) ---
  timelineEntry: [
    keys.timelineEntry(ws, 'CONTACT', id, '01ARZ3NDEKTSV4RRFFQ69G5FAV'),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: 'CONTACT#TIMELINE#ZYN70WAJHC564V77GG8SPFTGN4' },
  ],
  timelinePrefix: [
    keys.timelinePrefix(ws, 'COMPANY', id),
    { pk: `WS#acme-1#COMPANY#${id}`, skPrefix: 'COMPANY#TIMELINE#' },
  ],
  timelineOfType: [
    keys.timelineOfType(ws, 'CONTACT', id, 'note', 'E1'),
    { gsi1pk: `WS#acme-1#CONTACT#${id}#TIMELINE#note`, gsi1sk: 'E1' },
  ],
  timelineOfTypePartition: [
    keys.timelineOfTypePartition(ws, 'COMPANY', id, 'call'),
    `WS#acme-1#COMPANY#${id}#TIMELINE#call`,
  ],
  companyTimeline: [
    keys.companyTimeline(ws, id, 'E1'),
    { gsi2pk: `WS#acme-1#COMPANY#${id}#TIMELINE`, gsi2sk: 'E1' },
  ],
  companyTimelinePartition: [keys.companyTimelinePartition(ws, id), `WS#acme-1#COMPANY#${id}#TIMELINE`],
  activityRevision: [
    keys.activityRevision(ws, 'CONTACT', id, 'E1', '2026-12-06T10:00:00.000Z'),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: 'REVISION#E1#2026-12-06T10:00:00.000Z' },
  ],
  activityRevisionsPrefix: [
    keys.activityRevisionsPrefix(ws, 'CONTACT', id, 'E1'),
    { pk: `WS#acme-1#CONTACT#${id}`, skPrefix: 'REVISION#E1#' },
  ],
  contactOpenWork: [keys.contactOpenWork(ws, id), { pk: `WS#acme-1#CONTACT#${id}`, sk: 'CONTACT#OPEN_WORK' }],
  contactOverviewRange: [
    keys.contactOverviewRange(ws, id),
    { pk: `WS#acme-1#CONTACT#${id}`, from: 'CONTACT', to: 'CONTACT#TIMELINE#~' },
  ],
  // --- team: members and what they own ---
  member: [keys.member(ws, 'u-1'), { pk: 'WS#acme-1#SETTINGS', sk: 'MEMBER#u-1' }],
  membersPrefix: [keys.membersPrefix(ws), { pk: 'WS#acme-1#SETTINGS', skPrefix: 'MEMBER#' }],
  ownedBy: [keys.ownedBy(ws, 'u-1', 'CONTACTS', id), { gsi5pk: 'WS#acme-1#MEMBER#u-1#CONTACTS', gsi5sk: id }],
  ownedByPartition: [keys.ownedByPartition(ws, 'u-1', 'OPEN_TASKS'), 'WS#acme-1#MEMBER#u-1#OPEN_TASKS'],
  // --- tickets: the SLA queue, a contact's tickets, the policy and the month's figures ---
  ticket: [keys.ticket(ws, id), { pk: `WS#acme-1#TICKET#${id}`, sk: 'TICKET' }],
  openTicket: [
    keys.openTicket(ws, '2026-12-06T18:00:00.000Z', id),
    { gsi1pk: 'WS#acme-1#OPEN_TICKETS', gsi1sk: `2026-12-06T18:00:00.000Z#${id}` },
  ],
  openTicketsPartition: [keys.openTicketsPartition(ws), 'WS#acme-1#OPEN_TICKETS'],
  contactTicket: [
    keys.contactTicket(ws, companyId, id),
    { gsi3pk: `WS#acme-1#CONTACT#${companyId}#TICKETS`, gsi3sk: id },
  ],
  contactTicketsPartition: [keys.contactTicketsPartition(ws, id), `WS#acme-1#CONTACT#${id}#TICKETS`],
  ticketSlaPolicy: [keys.ticketSlaPolicy(ws), { pk: 'WS#acme-1#SETTINGS', sk: 'TICKET_SLA' }],
  ticketMonthStats: [
    keys.ticketMonthStats(ws, '2026-12'),
    { pk: 'WS#acme-1#TICKET_STATS#2026-12', sk: 'STATS' },
  ],
  // --- tasks ---
  task: [keys.task(ws, id), { pk: `WS#acme-1#TASK#${id}`, sk: 'TASK' }],
  openTasks: [
    keys.openTasks(ws, '2026-12-06T09:30:00.000Z', id),
    { gsi1pk: 'WS#acme-1#OPEN_TASKS', gsi1sk: `2026-12-06T09:30:00.000Z#${id}` },
  ],
  openTasksPartition: [keys.openTasksPartition(ws), 'WS#acme-1#OPEN_TASKS'],
  doneTasks: [
    keys.doneTasks(ws, '2026-12-06T10:00:00.000Z', id),
    { gsi1pk: 'WS#acme-1#DONE_TASKS', gsi1sk: `2026-12-06T10:00:00.000Z#${id}` },
  ],
  doneTasksPartition: [keys.doneTasksPartition(ws), 'WS#acme-1#DONE_TASKS'],
  memberOpenTasks: [
    keys.memberOpenTasks(ws, 'u-1', undefined, id),
    { gsi5pk: 'WS#acme-1#MEMBER#u-1#OPEN_TASKS', gsi5sk: `~#${id}` },
  ],
  memberOpenTasksPartition: [keys.memberOpenTasksPartition(ws, 'u-1'), 'WS#acme-1#MEMBER#u-1#OPEN_TASKS'],
  dueTask: [
    keys.dueTask(ws, '2026-12-06T09:30:00.000Z', id),
    { gsi2pk: 'WS#acme-1#TASKS_DUE', gsi2sk: `2026-12-06T09:30:00.000Z#${id}` },
  ],
  dueTasksPartition: [keys.dueTasksPartition(ws), 'WS#acme-1#TASKS_DUE'],
  recordTask: [
    keys.recordTask(ws, 'CONTACT', companyId, { open: true, dueAt: '2026-12-06T09:30:00.000Z' }, id),
    { gsi3pk: `WS#acme-1#CONTACT#${companyId}#TASKS`, gsi3sk: `OPEN#2026-12-06T09:30:00.000Z#${id}` },
  ],
  recordTasksPartition: [
    keys.recordTasksPartition(ws, 'COMPANY', companyId),
    `WS#acme-1#COMPANY#${companyId}#TASKS`,
  ],
  contactTasksPartition: [keys.contactTasksPartition(ws, id), `WS#acme-1#CONTACT#${id}#TASKS`],
  // --- email templates (decision 170) ---
  template: [keys.template(ws, id), { pk: `WS#acme-1#EMAIL_TEMPLATE#${id}`, sk: 'TEMPLATE' }],
  compiledTemplate: [keys.compiledTemplate(ws, id), { pk: `WS#acme-1#EMAIL_TEMPLATE#${id}`, sk: 'COMPILED' }],
  templateListed: [keys.templateListed(ws, id), { gsi1pk: 'WS#acme-1#EMAIL_TEMPLATES', gsi1sk: id }],
  templatesPartition: [keys.templatesPartition(ws), 'WS#acme-1#EMAIL_TEMPLATES'],
  // --- platform: background frames ---
  eventHandled: [
    keys.eventHandled(ws, 'DeliverOutboundWebhooks', id),
    { pk: `WS#acme-1#EVENT#${id}#HANDLED_BY#DeliverOutboundWebhooks`, sk: 'EVENT_HANDLED' },
  ],
  // --- deals (decision 160) ---
  pipeline: [keys.pipeline(ws, id), { pk: `WS#acme-1#PIPELINE#${id}`, sk: 'PIPELINE' }],
  pipelineListed: [keys.pipelineListed(ws, id), { gsi1pk: 'WS#acme-1#PIPELINES', gsi1sk: id }],
  pipelinesPartition: [keys.pipelinesPartition(ws), 'WS#acme-1#PIPELINES'],
  deal: [keys.deal(ws, id), { pk: `WS#acme-1#DEAL#${id}`, sk: 'DEAL' }],
  dealHistoryEntry: [
    keys.dealHistoryEntry(ws, id, companyId),
    { pk: `WS#acme-1#DEAL#${id}`, sk: `HISTORY#${companyId}` },
  ],
  dealHistoryPrefix: [keys.dealHistoryPrefix(ws, id), { pk: `WS#acme-1#DEAL#${id}`, skPrefix: 'HISTORY#' }],
  boardCard: [
    keys.boardCard(ws, companyId, 'STAGE1', 'a0V', id),
    { gsi1pk: `WS#acme-1#PIPELINE#${companyId}#STAGE#STAGE1`, gsi1sk: `a0V#${id}` },
  ],
  boardColumnPartition: [
    keys.boardColumnPartition(ws, companyId, 'STAGE1'),
    `WS#acme-1#PIPELINE#${companyId}#STAGE#STAGE1`,
  ],
  closedCard: [
    keys.closedCard(ws, companyId, 'WON', '2026-12-06T09:30:00.000Z', id),
    { gsi1pk: `WS#acme-1#PIPELINE#${companyId}#WON`, gsi1sk: `2026-12-06T09:30:00.000Z#${id}` },
  ],
  outcomePartition: [keys.outcomePartition(ws, companyId, 'LOST'), `WS#acme-1#PIPELINE#${companyId}#LOST`],
  openDealByCloseDate: [
    keys.openDealByCloseDate(ws, undefined, id),
    { gsi2pk: 'WS#acme-1#DEALS#OPEN', gsi2sk: `~#${id}` },
  ],
  closedDealByCloseTime: [
    keys.closedDealByCloseTime(ws, 'LOST', '2026-12-06T09:30:00.000Z', id),
    { gsi2pk: 'WS#acme-1#DEALS#LOST', gsi2sk: `2026-12-06T09:30:00.000Z#${id}` },
  ],
  dealsByStatusPartition: [keys.dealsByStatusPartition(ws, 'WON'), 'WS#acme-1#DEALS#WON'],
  companyDeal: [
    keys.companyDeal(ws, companyId, id),
    { gsi3pk: `WS#acme-1#COMPANY#${companyId}#DEALS`, gsi3sk: id },
  ],
  companyDealsPartition: [keys.companyDealsPartition(ws, companyId), `WS#acme-1#COMPANY#${companyId}#DEALS`],
  ownedDeal: [keys.ownedDeal(ws, 'member-7', id), { gsi5pk: 'WS#acme-1#MEMBER#member-7#DEALS', gsi5sk: id }],
  ownedDealsPartition: [keys.ownedDealsPartition(ws, 'member-7'), 'WS#acme-1#MEMBER#member-7#DEALS'],
  contactDealLink: [
    keys.contactDealLink(ws, companyId, id),
    { pk: `WS#acme-1#CONTACT#${companyId}`, sk: `DEAL#${id}` },
  ],
  contactDealLinksPrefix: [
    keys.contactDealLinksPrefix(ws, companyId),
    { pk: `WS#acme-1#CONTACT#${companyId}`, skPrefix: 'DEAL#' },
  ],
  stageExit: [
    keys.stageExit(ws, companyId, '2026-12-06T09:30:00.000Z', id),
    { gsi1pk: `WS#acme-1#PIPELINE#${companyId}#STAGE_EXITS`, gsi1sk: `2026-12-06T09:30:00.000Z#${id}` },
  ],
  stageExitsPartition: [
    keys.stageExitsPartition(ws, companyId),
    `WS#acme-1#PIPELINE#${companyId}#STAGE_EXITS`,
  ],
  lostReasons: [keys.lostReasons(ws), { pk: 'WS#acme-1#SETTINGS', sk: 'DEAL_LOST_REASONS' }],
  campaign: [keys.campaign(ws, id), { pk: `WS#acme-1#CAMPAIGN#${id}`, sk: 'CAMPAIGN' }],
  campaignListed: [keys.campaignListed(ws, id), { gsi1pk: 'WS#acme-1#CAMPAIGNS', gsi1sk: id }],
  campaignsPartition: [keys.campaignsPartition(ws), 'WS#acme-1#CAMPAIGNS'],
  campaignScheduled: [
    keys.campaignScheduled(ws, '2026-12-24T08:00:00.000Z', id),
    { gsi2pk: 'WS#acme-1#CAMPAIGNS#SCHEDULED', gsi2sk: `2026-12-24T08:00:00.000Z#${id}` },
  ],
  scheduledPartition: [keys.scheduledPartition(ws), 'WS#acme-1#CAMPAIGNS#SCHEDULED'],
  campaignRunning: [keys.campaignRunning(ws, id), { gsi2pk: 'WS#acme-1#CAMPAIGNS#RUNNING', gsi2sk: id }],
  runningPartition: [keys.runningPartition(ws), 'WS#acme-1#CAMPAIGNS#RUNNING'],
  content: [keys.content(ws, id), { pk: `WS#acme-1#CAMPAIGN#${id}`, sk: 'CONTENT' }],
  recipient: [keys.recipient(ws, id, 'C1'), { pk: `WS#acme-1#CAMPAIGN#${id}`, sk: 'RECIPIENT#C1' }],
  recipientsPrefix: [
    keys.recipientsPrefix(ws, id),
    { pk: `WS#acme-1#CAMPAIGN#${id}`, skPrefix: 'RECIPIENT#' },
  ],
  recipientQueued: [
    keys.recipientQueued(ws, id, 42, 'C1'),
    { gsi1pk: `WS#acme-1#CAMPAIGN#${id}#QUEUED`, gsi1sk: '0000000042#C1' },
  ],
  queuedPartition: [keys.queuedPartition(ws, id), `WS#acme-1#CAMPAIGN#${id}#QUEUED`],
  recipientSending: [
    keys.recipientSending(ws, id, '2026-12-24T08:00:01.000Z', 'C1'),
    { gsi1pk: `WS#acme-1#CAMPAIGN#${id}#SENDING`, gsi1sk: '2026-12-24T08:00:01.000Z#C1' },
  ],
  sendingPartition: [keys.sendingPartition(ws, id), `WS#acme-1#CAMPAIGN#${id}#SENDING`],
  recipientOfContact: [
    keys.recipientOfContact(ws, 'C1', id),
    { gsi3pk: 'WS#acme-1#CONTACT#C1#CAMPAIGN_EMAILS', gsi3sk: id },
  ],
  contactCampaignEmailsPartition: [
    keys.contactCampaignEmailsPartition(ws, 'C1'),
    'WS#acme-1#CONTACT#C1#CAMPAIGN_EMAILS',
  ],
  hourStats: [
    keys.hourStats(ws, id, '2026-12-24T08'),
    { pk: `WS#acme-1#CAMPAIGN#${id}`, sk: 'STATS#2026-12-24T08' },
  ],
  hourStatsPrefix: [keys.hourStatsPrefix(ws, id), { pk: `WS#acme-1#CAMPAIGN#${id}`, skPrefix: 'STATS#' }],
  linkStats: [keys.linkStats(ws, id, 'ab12'), { pk: `WS#acme-1#CAMPAIGN#${id}`, sk: 'LINK#ab12' }],
  linkStatsPrefix: [keys.linkStatsPrefix(ws, id), { pk: `WS#acme-1#CAMPAIGN#${id}`, skPrefix: 'LINK#' }],
  campaignRateWindow: [
    keys.campaignRateWindow(ws, id, 1_800_000_040),
    { pk: `WS#acme-1#CAMPAIGN#${id}`, sk: 'RATE#1800000040' },
  ],
  settings: [keys.settings(ws), { pk: 'WS#acme-1#SETTINGS', sk: 'EMAIL' }],
  suppression: [
    keys.suppression(ws, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
    {
      pk: 'WS#acme-1#SUPPRESSION#aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      sk: 'SUPPRESSION',
    },
  ],
  suppressionListed: [
    keys.suppressionListed(
      ws,
      '2026-01-02T03:04:05.000Z',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ),
    {
      gsi1pk: 'WS#acme-1#SUPPRESSIONS',
      gsi1sk: '2026-01-02T03:04:05.000Z#aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    },
  ],
  suppressionsPartition: [keys.suppressionsPartition(ws), 'WS#acme-1#SUPPRESSIONS'],
  softBounce: [
    keys.softBounce(
      ws,
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '2026-01-02T03:04:05.000Z',
      'ev-1',
    ),
    {
      pk: 'WS#acme-1#SUPPRESSION#aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      sk: 'SOFT_BOUNCE#2026-01-02T03:04:05.000Z#ev-1',
    },
  ],
  softBouncesSince: [
    keys.softBouncesSince(
      ws,
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '2026-01-01T00:00:00.000Z',
    ),
    {
      pk: 'WS#acme-1#SUPPRESSION#aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      skFrom: 'SOFT_BOUNCE#2026-01-01T00:00:00.000Z',
      skTo: 'SOFT_BOUNCE#~',
    },
  ],
  emailPreferences: [
    keys.emailPreferences(ws, id),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: 'EMAIL_PREFERENCES' },
  ],
  consentChange: [
    keys.consentChange(ws, id, 'CHANGE1'),
    { pk: `WS#acme-1#CONTACT#${id}`, sk: 'EMAIL_CONSENT#CHANGE1' },
  ],
  consentChangesPrefix: [
    keys.consentChangesPrefix(ws, id),
    { pk: `WS#acme-1#CONTACT#${id}`, skPrefix: 'EMAIL_CONSENT#' },
  ],
  dayStats: [keys.dayStats(ws, '2026-01-02'), { pk: 'WS#acme-1#EMAIL_STATS', sk: 'DAY#2026-01-02' }],
  dayStatsRange: [
    keys.dayStatsRange(ws, '2026-01-01', '2026-01-30'),
    { pk: 'WS#acme-1#EMAIL_STATS', skFrom: 'DAY#2026-01-01', skTo: 'DAY#2026-01-30' },
  ],
} satisfies Partial<Record<keyof typeof keys, [unknown, unknown]>>;

/** Not keys but attribute names of the pipeline item: the board's counters (decision 160). */
const attributeGolden = {
  stageCountAttribute: [keys.stageCountAttribute('STAGE1'), 'count#STAGE1'],
  stageSumAttribute: [keys.stageSumAttribute('STAGE1', 'EUR'), 'sum#STAGE1#EUR'],
  outcomeCountAttribute: [keys.outcomeCountAttribute('WON'), 'count#WON'],
} satisfies Partial<Record<keyof typeof keys, [unknown, unknown]>>;

/** The two keys outside any workspace, read only by the background frames (decision 100). */
const platformGolden = {
  workspaceRegistration: [keys.workspaceRegistration(ws), { pk: 'WORKSPACES', sk: 'WORKSPACE#acme-1' }],
  workspaceRegistryPrefix: [keys.workspaceRegistryPrefix(), { pk: 'WORKSPACES', skPrefix: 'WORKSPACE#' }],
  jobCheckpoint: [
    keys.jobCheckpoint('RaiseAbandonedCarts'),
    { pk: 'JOB#RaiseAbandonedCarts', sk: 'CHECKPOINT' },
  ],
  /** The deployment's SES quota is the account's, shared by every workspace (decision 170). */
  sesSendRateWindow: [
    keys.sesSendRateWindow(1_800_000_040),
    { pk: 'SES_SEND_RATE', sk: 'WINDOW#1800000040' },
  ],
} satisfies Partial<Record<keyof typeof keys, [unknown, unknown]>>;

const everyGolden = { ...golden, ...platformGolden, ...attributeGolden } satisfies Record<
  keyof typeof keys,
  [unknown, unknown]
>;

describe('table keys', () => {
  it('has a golden string for every key builder', () => {
    expect(Object.keys(everyGolden).sort()).toEqual(Object.keys(keys).sort());
  });

  it.each(Object.entries(everyGolden))('%s builds its golden key', (_name, [built, expected]) => {
    expect(built).toEqual(expected);
  });

  it('lists every field definition of a workspace without an entity', () => {
    expect(keys.fieldDefinitionsPrefix(ws)).toEqual({ pk: 'WS#acme-1#SETTINGS', skPrefix: 'FIELD#' });
  });

  it('starts every partition key with the workspace prefix', () => {
    const partitionKeys = Object.values(golden).flatMap(([built]) =>
      typeof built === 'string'
        ? [built]
        : Object.entries(built as Record<string, string>)
            .filter(([name]) => name.endsWith('pk'))
            .map(([, value]) => value),
    );
    expect(partitionKeys.length).toBeGreaterThan(10);
    for (const key of partitionKeys) expect(key.startsWith(keys.workspacePrefix(ws))).toBe(true);
  });

  it('gives each access pattern of a kind its own partition', () => {
    const partitions = [
      keys.record(ws, 'CONTACT', id).pk,
      keys.recordCollectionPartition(ws, 'CONTACT'),
      keys.recordCollectionPartition(ws, 'COMPANY'),
      keys.recordNamePartition(ws, 'CONTACT'),
      keys.recordTagPartition(ws, 'CONTACT', 'vip'),
      keys.contactEmail(ws, 'zoe@example.com').pk,
      keys.companyContactsPartition(ws, companyId),
      keys.fieldDefinition(ws, 'contact', 'tier').pk,
      keys.outbox(ws, id).pk,
      keys.eventHandled(ws, 'ProcessShopWebhook', id).pk,
      keys.workspaceRegistration(ws).pk,
      keys.jobCheckpoint('RaiseAbandonedCarts').pk,
      keys.contactOrdersPartition(ws, id),
      keys.contactCheckoutsPartition(ws, id),
      keys.contactOutboxPartition(ws, id),
      keys.confirmationMail(ws, id, 'ab12').pk,
      keys.formPostsWindow(ws, id, 1_800_000_040).pk,
      keys.clientFormPostsWindow(ws, 'cd34', 1_800_000_040).pk,
      keys.task(ws, id).pk,
      keys.openTasksPartition(ws),
      keys.doneTasksPartition(ws),
      keys.dueTasksPartition(ws),
      keys.memberOpenTasksPartition(ws, 'u-1'),
      keys.recordTasksPartition(ws, 'CONTACT', id),
    ];
    expect(new Set(partitions).size).toBe(partitions.length);
  });

  it('names the physical key attributes the builders fill', () => {
    const indexAttributes = Object.values(crmTable.indexes).flatMap((index) => [
      index.partitionKey,
      index.sortKey,
    ]);
    expect(indexAttributes).toEqual([
      'gsi1pk',
      'gsi1sk',
      'gsi2pk',
      'gsi2sk',
      'gsi3pk',
      'gsi3sk',
      'gsi4pk',
      'gsi4sk',
      'gsi5pk',
      'gsi5sk',
    ]);
    expect([crmTable.partitionKey, crmTable.sortKey]).toEqual(['pk', 'sk']);
  });
});
