import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { UpdateCommand } from '../store/document-client';
import type { TransactItem } from '../store/transactions';
import type { AudienceDecision } from './audience';
import type { Campaign } from './campaign';
import { CampaignRunRequested, CampaignStarted } from './campaign-events';
import { campaignsKeys } from './campaigns-keys';
import type { RecipientItem } from './campaigns-store';

/** The writes every side of a run shares: starting one (schedule now, the clock) and giving a recipient back. */
/** The run a campaign starts now: a new run id, its run event and campaign.started, in the caller's transaction. */
export function startRunWrites(
  tableName: string,
  workspaceId: string,
  campaign: Pick<Campaign, 'id' | 'name'>,
  runId: string,
  now: Date,
): TransactItem[] {
  return outboxWrite(
    tableName,
    workspaceId,
    [
      pendingEvent(CampaignRunRequested, { campaignId: campaign.id, runId }),
      pendingEvent(CampaignStarted, {
        campaignId: campaign.id,
        name: campaign.name,
        startedAt: now.toISOString(),
      }),
    ],
    now,
  );
}

/** sending → queued (condition: still this attempt's), back on the queued index in its audience place. */
export async function requeueRecipient(
  deps: Deps,
  workspaceId: string,
  campaignId: string,
  recipient: Pick<RecipientItem, 'contactId' | 'sequence'>,
  attemptId: string,
): Promise<boolean> {
  const index = campaignsKeys.recipientQueued(
    workspaceId,
    campaignId,
    recipient.sequence,
    recipient.contactId,
  );
  try {
    await deps.store.client.send(
      new UpdateCommand({
        TableName: deps.store.tableName,
        Key: campaignsKeys.recipient(workspaceId, campaignId, recipient.contactId),
        UpdateExpression:
          'SET #status = :queued, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk REMOVE attemptId, claimedAt',
        ConditionExpression: '#status = :sending AND attemptId = :attempt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':queued': 'queued',
          ':sending': 'sending',
          ':attempt': attemptId,
          ':gsi1pk': index.gsi1pk,
          ':gsi1sk': index.gsi1sk,
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * A new recipient's send record: queued (on the campaign's queued index, in audience order) or skipped with
 * its reason, always on the contact's `CAMPAIGN_EMAILS` (byParent) so erasing the contact finds it. Pure.
 */
export function recipientItem(
  workspaceId: string,
  campaignId: string,
  decision: AudienceDecision,
  sequence: number,
  now: Date,
): Record<string, unknown> {
  const { contactId } = decision;
  return {
    ...campaignsKeys.recipient(workspaceId, campaignId, contactId),
    ...campaignsKeys.recipientOfContact(workspaceId, contactId, campaignId),
    ...(decision.skipReason
      ? {}
      : campaignsKeys.recipientQueued(workspaceId, campaignId, sequence, contactId)),
    entity: 'campaignRecipient',
    campaignId,
    contactId,
    sequence,
    status: decision.skipReason ? 'skipped' : 'queued',
    ...(decision.email ? { email: decision.email } : {}),
    ...(decision.companyId ? { companyId: decision.companyId } : {}),
    ...(decision.skipReason ? { skipReason: decision.skipReason } : {}),
    createdAt: now.toISOString(),
  };
}
