import { timelineEntryPut } from '../activities/timeline-item';
import type { CampaignEmailEntry } from '../email/campaign-email-entry';
import { newId } from '../platform/ids';
import type { Store } from '../store/store';
import { cancellationReasons, failedAt, type TransactItem, writeTransaction } from '../store/transactions';
import { campaignsKeys } from './campaigns-keys';

/** One recipient accepted by SES: what the runner (or SES's own `Send` event) knows of it. */
export interface SentMessage {
  workspaceId: string;
  campaignId: string;
  contactId: string;
  /** The contact's company when known: the timeline entry is then on the company's timeline too. */
  companyId?: string;
  /** For the timeline entry: the campaign's name and the subject as merged for this contact. */
  campaignName: string;
  subject: string;
  messageId: string;
  /** When SES accepted it (ISO). */
  sentAt: string;
  /** When the CRM writes it (ISO); `sentAt` when absent. */
  recordedAt?: string;
}

/** The report's hour bucket of an instant: `YYYY-MM-DDTHH` (UTC). */
export function statsHour(at: string): string {
  return at.slice(0, 13);
}

/**
 * The sent-record transaction (decision 170): the recipient `sending → sent` with its message id (off the
 * in-doubt index), the campaign's `sent` counter, the hour's `sent` count and the contact's
 * `campaign_email.sent` timeline entry. Only the first writer wins: the recipient's condition
 * `status = sending` fails for the runner or the SES `Send` event that comes second. Pure.
 */
export function recordSentItems(tableName: string, message: SentMessage): TransactItem[] {
  const { workspaceId, campaignId, contactId } = message;
  const entry: CampaignEmailEntry = {
    id: newId(Date.parse(message.sentAt)),
    type: 'campaign_email.sent',
    contactId,
    occurredAt: message.sentAt,
    recordedAt: message.recordedAt ?? message.sentAt,
    campaignId,
    campaignName: message.campaignName,
    subject: message.subject,
    messageId: message.messageId,
  };
  return [
    {
      Update: {
        TableName: tableName,
        Key: campaignsKeys.recipient(workspaceId, campaignId, contactId),
        UpdateExpression:
          'SET #status = :sent, messageId = :messageId, sentAt = :sentAt REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':sending': 'sending',
          ':messageId': message.messageId,
          ':sentAt': message.sentAt,
        },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: campaignsKeys.campaign(workspaceId, campaignId),
        UpdateExpression: 'ADD counters.sent :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: campaignsKeys.hourStats(workspaceId, campaignId, statsHour(message.sentAt)),
        UpdateExpression: 'ADD sent :one SET entity = :entity',
        ExpressionAttributeValues: { ':one': 1, ':entity': 'campaignHourStats' },
      },
    },
    timelineEntryPut(tableName, workspaceId, {
      ...entry,
      ...(message.companyId ? { companyId: message.companyId } : {}),
    }),
  ];
}

/**
 * Records a recipient as sent. False when it was no longer `sending` (already recorded by the other side,
 * or put back to queued): nothing was written then.
 */
export async function recordSent(store: Store, message: SentMessage): Promise<boolean> {
  try {
    await writeTransaction(store, recordSentItems(store.tableName, message), { attempts: 8 });
    return true;
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) return false;
    throw error;
  }
}
