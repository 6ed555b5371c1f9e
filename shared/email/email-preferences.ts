import { getContact } from '../contacts/get-contact';
import { type PendingEvent, pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { NotFoundError } from '../platform/errors';
import { newId } from '../platform/ids';
import { recordKeys } from '../records/record-keys';
import type { Store } from '../store/store';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { campaignUnsubscribeWrites } from './campaign-message-writes';
import { EmailUnsubscribed } from './email-events';
import { emailKeys } from './email-keys';
import { emailPreferencesOfContact } from './email-preferences-store';
import type { ConsentChangeSource, EmailPreferences } from './email-settings';

/** One change of a contact's marketing consent, as recorded (`EMAIL_CONSENT#<ulid>` in its partition). */
export interface ConsentChange {
  marketing: 'subscribed' | 'unsubscribed';
  source: ConsentChangeSource;
  note?: string;
  campaignId?: string;
}

/**
 * The writes of a consent change, for the caller's transaction: the preferences item (an Update, so what
 * else it keeps, the lists left on the preference page, stays), the consent change item, and for an
 * unsubscribe `email.unsubscribed` through the outbox. `condition` guards the preferences Update (the
 * caller's read: not unsubscribed meanwhile, say).
 */
export function consentChangeWrites(
  tableName: string,
  workspaceId: string,
  contactId: string,
  change: ConsentChange,
  now: Date,
  options: {
    condition?: { expression: string; values?: Record<string, unknown> };
    /** The lists the contact left on the preference page (it may rejoin them there), kept on the same item. */
    pageLeftLists?: readonly string[];
  } = {},
): TransactItem[] {
  const { condition } = options;
  const changedAt = now.toISOString();
  const fields: Record<string, unknown> = {
    entity: 'emailPreferences',
    contactId,
    marketing: change.marketing,
    changedAt,
    source: change.source,
    ...(change.note !== undefined ? { note: change.note } : {}),
    ...(change.campaignId !== undefined ? { campaignId: change.campaignId } : {}),
    ...(options.pageLeftLists ? { pageLeftLists: [...options.pageLeftLists] } : {}),
  };
  const removed = (['note', 'campaignId'] as const).filter((name) => change[name] === undefined);
  const names = Object.keys(fields);
  const events: PendingEvent[] =
    change.marketing === 'unsubscribed' && change.source !== 'form'
      ? [
          pendingEvent(EmailUnsubscribed, {
            contactId,
            ...(change.campaignId ? { campaignId: change.campaignId } : {}),
            source: change.source,
            occurredAt: changedAt,
          }),
        ]
      : [];
  const changeId = newId(now.getTime());
  return [
    {
      Update: {
        TableName: tableName,
        Key: emailKeys.emailPreferences(workspaceId, contactId),
        UpdateExpression: `SET ${names.map((_, at) => `#f${at} = :f${at}`).join(', ')}${
          removed.length ? ` REMOVE ${removed.map((_, at) => `#r${at}`).join(', ')}` : ''
        }`,
        ExpressionAttributeNames: {
          ...Object.fromEntries(names.map((name, at) => [`#f${at}`, name])),
          ...Object.fromEntries(removed.map((name, at) => [`#r${at}`, name])),
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((name, at) => [`:f${at}`, fields[name]])),
          ...condition?.values,
        },
        ...(condition ? { ConditionExpression: condition.expression } : {}),
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...emailKeys.consentChange(workspaceId, contactId, changeId),
          entity: 'emailConsentChange',
          id: changeId,
          contactId,
          marketing: change.marketing,
          source: change.source,
          ...(change.note !== undefined ? { note: change.note } : {}),
          ...(change.campaignId !== undefined ? { campaignId: change.campaignId } : {}),
          changedAt,
        },
      },
    },
    ...outboxWrite(tableName, workspaceId, events, now),
  ];
}

/** The condition of a withdrawal that happens once: the contact is not unsubscribed already. */
export const notUnsubscribedYet = {
  expression: 'attribute_not_exists(marketing) OR marketing <> :unsubscribed',
  values: { ':unsubscribed': 'unsubscribed' },
};

const contactExists = (tableName: string, workspaceId: string, contactId: string): TransactItem => ({
  ConditionCheck: {
    TableName: tableName,
    Key: recordKeys.record(workspaceId, 'CONTACT', contactId),
    ConditionExpression: 'attribute_exists(pk)',
  },
});

/**
 * Writes `items`, and with them `campaignItems` (what an unsubscribe adds to the campaign its link came
 * with) when they still apply: a campaign item refused by its condition (the campaign deleted, or the
 * recipient counted already) leaves the consent change to be written alone. The consent never waits on a
 * report.
 */
export async function writeWithCampaignItems(
  store: Store,
  items: TransactItem[],
  campaignItems: TransactItem[],
): Promise<void> {
  try {
    await writeTransaction(store, [...items, ...campaignItems]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    const campaignRefused = reasons?.some(
      (reason) => reason.index >= items.length && failedAt(reasons, reason.index),
    );
    if (!campaignItems.length || !campaignRefused) throw error;
    await writeTransaction(store, items);
  }
}

/** What an unsubscribe from a link adds to the campaign the link came with (a complaint is counted as one). */
export async function unsubscribeCampaignItems(
  store: Store,
  workspaceId: string,
  contactId: string,
  change: Omit<ConsentChange, 'marketing'>,
  now: Date,
): Promise<TransactItem[]> {
  if (!change.campaignId || change.source === 'complaint') return [];
  return campaignUnsubscribeWrites(store, { workspaceId, campaignId: change.campaignId, contactId }, now);
}

/**
 * Unsubscribes a contact from marketing mail at once (one click, the preference page, a complaint), and
 * counts it on the campaign whose link was used. Said twice it changes nothing the second time: `false`
 * when the contact was unsubscribed already.
 */
export async function unsubscribeContact(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  contactId: string,
  change: Omit<ConsentChange, 'marketing'>,
): Promise<boolean> {
  const now = clock();
  try {
    await writeWithCampaignItems(
      store,
      [
        contactExists(store.tableName, workspaceId, contactId),
        ...consentChangeWrites(
          store.tableName,
          workspaceId,
          contactId,
          { ...change, marketing: 'unsubscribed' },
          now,
          { condition: notUnsubscribedYet },
        ),
      ],
      await unsubscribeCampaignItems(store, workspaceId, contactId, change, now),
    );
    return true;
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new NotFoundError('contact.not_found');
    if (reasons && failedAt(reasons, 1)) return false;
    throw error;
  }
}

export async function getContactEmailPreferences(
  { store }: { store: Store },
  workspaceId: string,
  contactId: string,
): Promise<EmailPreferences> {
  await getContact({ store }, workspaceId, contactId);
  return emailPreferencesOfContact(store, workspaceId, contactId);
}

/**
 * A member records consent given elsewhere, or withdraws it on the contact's request, with a note of where.
 * Recorded every time (the note is the audit trail), in one transaction with the contact's existence.
 */
export async function setContactEmailPreferences(
  { store, clock }: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  contactId: string,
  input: { marketing: 'subscribed' | 'unsubscribed'; note: string },
): Promise<EmailPreferences> {
  const now = clock();
  try {
    await writeTransaction(store, [
      contactExists(store.tableName, workspaceId, contactId),
      ...consentChangeWrites(
        store.tableName,
        workspaceId,
        contactId,
        { marketing: input.marketing, source: 'member', note: input.note },
        now,
      ),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new NotFoundError('contact.not_found');
    throw error;
  }
  return {
    contactId,
    marketing: input.marketing,
    changedAt: now.toISOString(),
    source: 'member',
    note: input.note,
  };
}
