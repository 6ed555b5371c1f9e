import { campaignsKeys } from '../campaigns/campaigns-keys';
import { recordSent } from '../campaigns/record-sent';
import { type PendingEvent, pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Logger } from '../platform/logger';
import { GetCommand, PutCommand } from '../store/document-client';
import { queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { addressHash } from './address-hash';
import type { CampaignEmailEntry } from './campaign-email-entry';
import {
  type CampaignCounter,
  type CampaignMessage,
  campaignCountersAdd,
  campaignEntryPut,
  campaignMessageOf,
  entryOf,
  firstOnRecipient,
  hourStatsAdd,
  linkStatsAdd,
  reportedLink,
  urlHashOf,
} from './campaign-message-writes';
import { type DayCounter, dayStatsAdd } from './deliverability';
import { EmailBounced, EmailClicked, EmailComplained, EmailOpened } from './email-events';
import { emailKeys } from './email-keys';
import { unsubscribeContact } from './email-preferences';
import type { MessageSubject, SesEventDetail } from './ses-event';
import { suppressAddress } from './suppressions';

export interface EmailEventDeps {
  store: Store;
  clock: () => Date;
  log: Pick<Logger, 'info' | 'warn'>;
}

/** One SES event as RecordEmailEvent receives it: the envelope's id (the dedupe key) and the record. */
export interface EmailEvent {
  eventId: string;
  detail: SesEventDetail;
  subject: MessageSubject;
}

/** Soft bounces are kept 8 days; the third within 7 days suppresses the address. */
const softBounceWindowDays = 7;
const softBounceKeptDays = 8;
const softBouncesThatSuppress = 3;

/** Runs a transaction whose first item is a condition of "first time": false when that condition failed. */
async function writeIfFirst(store: Store, items: TransactItem[]): Promise<boolean> {
  try {
    await writeTransaction(store, items);
    return true;
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) return false;
    throw error;
  }
}

async function countDay(store: Store, workspaceId: string, at: string, counter: DayCounter) {
  await writeTransaction(store, [dayStatsAdd(store.tableName, workspaceId, at, counter)]);
}

/**
 * A campaign's once-per-recipient fact (delivered, bounced, complained): the recipient's attribute set the
 * first time, with the campaign's and the hour's counters, a timeline entry and an event, in one
 * transaction. A second report of it changes nothing.
 */
async function recordFirst(
  deps: EmailEventDeps,
  message: CampaignMessage,
  fact: { attribute: string; at: string; counter: CampaignCounter; set?: Record<string, unknown> },
  entry?: CampaignEmailEntry & { companyId?: string },
  events: PendingEvent[] = [],
): Promise<boolean> {
  const { store, clock } = deps;
  const { tableName } = store;
  return writeIfFirst(store, [
    firstOnRecipient(tableName, message, fact.attribute, fact.at, fact.set),
    campaignCountersAdd(tableName, message.workspaceId, message.campaignId, [fact.counter]),
    hourStatsAdd(tableName, message.workspaceId, message.campaignId, fact.at, [fact.counter]),
    ...(entry ? [campaignEntryPut(tableName, message.workspaceId, entry)] : []),
    ...outboxWrite(tableName, message.workspaceId, events, clock()),
  ]);
}

async function onSend(deps: EmailEventDeps, event: EmailEvent, message: CampaignMessage | undefined) {
  const { detail, subject } = event;
  await countDay(deps.store, subject.workspaceId, detail.mail.timestamp, 'sent');
  if (!message) return;
  const recorded = await recordSent(deps.store, {
    workspaceId: message.workspaceId,
    campaignId: message.campaignId,
    contactId: message.contactId,
    ...(message.companyId ? { companyId: message.companyId } : {}),
    campaignName: message.campaignName,
    subject: message.subject,
    messageId: message.messageId,
    sentAt: detail.mail.timestamp,
    recordedAt: deps.clock().toISOString(),
  });
  deps.log.info(recorded ? 'send recorded from SES' : 'send recorded by the runner already', {
    campaignId: message.campaignId,
  });
}

async function onDelivery(deps: EmailEventDeps, event: EmailEvent, message: CampaignMessage | undefined) {
  const at = event.detail.delivery?.timestamp ?? event.detail.mail.timestamp;
  await countDay(deps.store, event.subject.workspaceId, at, 'delivered');
  if (message) await recordFirst(deps, message, { attribute: 'deliveredAt', at, counter: 'delivered' });
}

/** Three soft bounces of an address within 7 days: the soft bounce is kept (by event id), then counted. */
async function softBounceSuppresses(
  store: Store,
  workspaceId: string,
  hash: string,
  at: string,
  eventId: string,
) {
  const key = emailKeys.softBounce(workspaceId, hash, at, eventId);
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...key,
        entity: 'emailSoftBounce',
        bouncedAt: at,
        expiresAt: Math.floor(Date.parse(at) / 1000) + softBounceKeptDays * 86_400,
      },
    }),
  );
  const since = new Date(Date.parse(at) - softBounceWindowDays * 86_400_000).toISOString();
  const range = emailKeys.softBouncesSince(workspaceId, hash, since);
  const bounces = await queryAllWithPrefix(store, { pk: range.pk, skPrefix: 'SOFT_BOUNCE#' });
  return bounces.filter((item) => String(item.sk) >= range.skFrom).length >= softBouncesThatSuppress;
}

async function onBounce(deps: EmailEventDeps, event: EmailEvent, message: CampaignMessage | undefined) {
  const { detail, subject, eventId } = event;
  const bounce = detail.bounce;
  if (!bounce) return;
  const bounceType =
    (['Permanent', 'Transient', 'Undetermined'] as const).find((type) => type === bounce.bounceType) ??
    'Undetermined';
  const at = bounce.timestamp;
  let suppressed = false;
  for (const recipient of bounce.bouncedRecipients) {
    const hash = addressHash(recipient.emailAddress);
    const reason =
      bounceType === 'Permanent'
        ? 'hard_bounce'
        : (await softBounceSuppresses(deps.store, subject.workspaceId, hash, at, eventId))
          ? 'soft_bounces'
          : undefined;
    if (!reason) continue;
    suppressed = true;
    await suppressAddress(deps.store, subject.workspaceId, {
      email: recipient.emailAddress.trim().toLowerCase(),
      reason,
      suppressedAt: at,
      ...(subject.campaignId ? { campaignId: subject.campaignId } : {}),
      messageId: detail.mail.messageId,
      ...(recipient.diagnosticCode ? { detail: recipient.diagnosticCode.slice(0, 500) } : {}),
    });
  }
  await countDay(deps.store, subject.workspaceId, at, bounceType === 'Permanent' ? 'bounces' : 'softBounces');
  const bounced = subject.contactId
    ? [
        pendingEvent(EmailBounced, {
          contactId: subject.contactId,
          ...(subject.campaignId ? { campaignId: subject.campaignId } : {}),
          messageId: detail.mail.messageId,
          occurredAt: at,
          bounceType,
          suppressed,
        }),
      ]
    : [];
  if (message) {
    const entry = entryOf(message, 'campaign_email.bounced', at, eventId, deps.clock(), { bounceType });
    await recordFirst(
      deps,
      message,
      { attribute: 'bouncedAt', at, counter: 'bounces', set: { bounceType } },
      entry,
      bounced,
    );
  } else if (bounced.length > 0) {
    await writeTransaction(
      deps.store,
      outboxWrite(deps.store.tableName, subject.workspaceId, bounced, deps.clock()),
    );
  }
}

async function onComplaint(deps: EmailEventDeps, event: EmailEvent, message: CampaignMessage | undefined) {
  const { detail, subject, eventId } = event;
  const complaint = detail.complaint;
  if (!complaint) return;
  const at = complaint.timestamp;
  for (const recipient of complaint.complainedRecipients) {
    await suppressAddress(deps.store, subject.workspaceId, {
      email: recipient.emailAddress.trim().toLowerCase(),
      reason: 'complaint',
      suppressedAt: at,
      ...(subject.campaignId ? { campaignId: subject.campaignId } : {}),
      messageId: detail.mail.messageId,
      ...(complaint.complaintFeedbackType ? { detail: complaint.complaintFeedbackType } : {}),
    });
  }
  if (subject.contactId) {
    // a contact erased meanwhile has nothing left to withdraw
    await unsubscribeContact(deps, subject.workspaceId, subject.contactId, {
      source: 'complaint',
      ...(subject.campaignId ? { campaignId: subject.campaignId } : {}),
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'contact.not_found') throw error;
    });
  }
  await countDay(deps.store, subject.workspaceId, at, 'complaints');
  const complained = subject.contactId
    ? [
        pendingEvent(EmailComplained, {
          contactId: subject.contactId,
          ...(subject.campaignId ? { campaignId: subject.campaignId } : {}),
          messageId: detail.mail.messageId,
          occurredAt: at,
        }),
      ]
    : [];
  if (message) {
    const entry = entryOf(message, 'campaign_email.complained', at, eventId, deps.clock());
    await recordFirst(
      deps,
      message,
      { attribute: 'complainedAt', at, counter: 'complaints' },
      entry,
      complained,
    );
  } else if (complained.length > 0) {
    await writeTransaction(
      deps.store,
      outboxWrite(deps.store.tableName, subject.workspaceId, complained, deps.clock()),
    );
  }
}

async function onOpen(deps: EmailEventDeps, event: EmailEvent, message: CampaignMessage | undefined) {
  if (!message) return;
  const { store, clock } = deps;
  const { tableName } = store;
  const at = event.detail.open?.timestamp ?? event.detail.mail.timestamp;
  const opened = (first: boolean) =>
    pendingEvent(EmailOpened, {
      contactId: message.contactId,
      campaignId: message.campaignId,
      messageId: message.messageId,
      occurredAt: at,
      first,
    });
  const entry = entryOf(message, 'campaign_email.opened', at, event.eventId, clock());
  const first = await recordFirst(
    deps,
    message,
    { attribute: 'openedAt', at, counter: 'uniqueOpens' },
    entry,
    [opened(true)],
  );
  // every open counts; the first one also as unique (above)
  await writeTransaction(store, [
    campaignCountersAdd(tableName, message.workspaceId, message.campaignId, ['opens']),
    hourStatsAdd(tableName, message.workspaceId, message.campaignId, at, ['opens']),
    ...(first ? [] : outboxWrite(tableName, message.workspaceId, [opened(false)], clock())),
  ]);
}

async function onClick(deps: EmailEventDeps, event: EmailEvent, message: CampaignMessage | undefined) {
  const click = event.detail.click;
  if (!message || !click) return;
  const { store, clock } = deps;
  const { tableName } = store;
  const { workspaceId, campaignId } = message;
  const at = click.timestamp;
  const link = reportedLink(click.link);
  const urlHash = urlHashOf(link);
  const recipientKey = campaignsKeys.recipient(workspaceId, campaignId, message.contactId);
  // read, decide, write on the condition of what was read; a concurrent click of the same mail makes us read again
  for (let attempt = 1; attempt <= 3; attempt++) {
    const { Item: recipient } = await store.client.send(
      new GetCommand({ TableName: tableName, Key: recipientKey, ConsistentRead: true }),
    );
    if (!recipient) return;
    const clicked =
      recipient.clickedLinks instanceof Set ? (recipient.clickedLinks as Set<string>) : new Set();
    const firstClick = recipient.clickedAt === undefined;
    const firstOfLink = !clicked.has(urlHash);
    const counters: CampaignCounter[] = firstClick ? ['clicks', 'uniqueClicks'] : ['clicks'];
    const items: TransactItem[] = [];
    if (firstOfLink)
      items.push({
        Update: {
          TableName: tableName,
          Key: recipientKey,
          UpdateExpression: 'SET clickedAt = if_not_exists(clickedAt, :at) ADD clickedLinks :link',
          ConditionExpression: firstClick
            ? 'attribute_exists(pk) AND attribute_not_exists(clickedAt)'
            : 'attribute_exists(pk) AND NOT contains(clickedLinks, :hash)',
          ExpressionAttributeValues: {
            ':at': at,
            ':link': new Set([urlHash]),
            ...(firstClick ? {} : { ':hash': urlHash }),
          },
        },
      });
    items.push(
      campaignCountersAdd(tableName, workspaceId, campaignId, counters),
      hourStatsAdd(tableName, workspaceId, campaignId, at, counters),
      linkStatsAdd(tableName, workspaceId, campaignId, link, firstOfLink),
      ...(firstOfLink
        ? [
            campaignEntryPut(
              tableName,
              workspaceId,
              entryOf(message, 'campaign_email.clicked', at, `${event.eventId}#${urlHash}`, clock(), {
                url: link,
              }),
            ),
          ]
        : []),
      ...outboxWrite(
        tableName,
        workspaceId,
        [
          pendingEvent(EmailClicked, {
            contactId: message.contactId,
            campaignId,
            messageId: message.messageId,
            occurredAt: at,
            url: link,
            first: firstClick,
          }),
        ],
        clock(),
      ),
    );
    if (!firstOfLink) {
      await writeTransaction(store, items);
      return;
    }
    if (await writeIfFirst(store, items)) return;
  }
  throw new Error('the recipient kept changing while a click was recorded');
}

/** SES refused the message after accepting the call (Reject, Rendering Failure): the recipient failed. */
async function onFailure(deps: EmailEventDeps, event: EmailEvent, message: CampaignMessage | undefined) {
  if (!message?.recipient) return;
  const { store } = deps;
  const status = message.recipient.status;
  if (status !== 'sending' && status !== 'sent') return;
  const failure =
    event.detail.eventType === 'Reject'
      ? `Rejected by SES: ${event.detail.reject?.reason ?? 'no reason given'}`
      : `SES could not render it: ${event.detail.failure?.errorMessage ?? 'no reason given'}`;
  await writeIfFirst(store, [
    {
      Update: {
        TableName: store.tableName,
        Key: campaignsKeys.recipient(message.workspaceId, message.campaignId, message.contactId),
        UpdateExpression: 'SET #status = :failed, #failure = :failure REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :was',
        ExpressionAttributeNames: { '#status': 'status', '#failure': 'failure' },
        ExpressionAttributeValues: { ':failed': 'failed', ':failure': failure.slice(0, 500), ':was': status },
      },
    },
    campaignCountersAdd(store.tableName, message.workspaceId, message.campaignId, ['failed']),
    // a message counted as sent (the runner recorded it) is taken back off that count
    ...(status === 'sent'
      ? [
          {
            Update: {
              TableName: store.tableName,
              Key: campaignsKeys.campaign(message.workspaceId, message.campaignId),
              UpdateExpression: 'ADD counters.sent :minus',
              ExpressionAttributeValues: { ':minus': -1 },
            },
          },
        ]
      : []),
  ]);
}

const handlers: Record<
  string,
  (deps: EmailEventDeps, event: EmailEvent, message: CampaignMessage | undefined) => Promise<void>
> = {
  Send: onSend,
  Delivery: onDelivery,
  Bounce: onBounce,
  Complaint: onComplaint,
  Open: onOpen,
  Click: onClick,
  Reject: onFailure,
  'Rendering Failure': onFailure,
};

/**
 * Records one SES event (decision 170). Primary course: find the campaign mail from the message tags (no
 * `crm_campaign` tag: a test or transactional mail, which still suppresses on a bounce or complaint but
 * touches no campaign); then by event type: Send → the recipient sent (as the runner records it), Delivery →
 * delivered, Bounce → suppression (hard, or the third soft in 7 days), Complaint → suppression and consent
 * withdrawn, Open/Click → first and total counts, links, timeline and events, Reject/Rendering Failure →
 * the recipient failed; the workspace's day counters on the way. Each write is either conditioned on being
 * the first of its kind or keyed by the event, so a redelivery changes nothing the dedupe let through.
 */
export async function recordEmailEvent(deps: EmailEventDeps, event: EmailEvent): Promise<void> {
  const handle = handlers[event.detail.eventType];
  if (!handle) {
    deps.log.info('SES event type not recorded', { eventType: event.detail.eventType });
    return;
  }
  const { subject, detail } = event;
  const message =
    subject.campaignId && subject.contactId
      ? await campaignMessageOf(
          deps.store,
          { workspaceId: subject.workspaceId, campaignId: subject.campaignId, contactId: subject.contactId },
          { messageId: detail.mail.messageId, subject: detail.mail.commonHeaders?.subject },
        )
      : undefined;
  await handle(deps, event, message);
}
