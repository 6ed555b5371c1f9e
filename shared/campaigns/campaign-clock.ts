import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { Deps } from '../platform/deps';
import { newId } from '../platform/ids';
import { queryIndexPages } from '../store/queries';
import { crmTable } from '../store/table';
import { cancellationReasons, writeTransaction } from '../store/transactions';
import { CampaignRunRequested } from './campaign-events';
import { requeueRecipient, startRunWrites } from './campaign-runs';
import { campaignsKeys } from './campaigns-keys';
import { campaignItemOf, recipientItemOf } from './campaigns-store';

/** How long a recipient may stay in flight without SES's Send event before it counts as never sent. */
export function inDoubtAfterSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.CAMPAIGN_IN_DOUBT_AFTER_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 15 * 60;
}

/** A run event unanswered for this long (no lease taken since) is asked again. */
const rerequestAfterMs = 60_000;

export interface ClockOutcome {
  started: number;
  rerequested: number;
  requeued: number;
}

/**
 * CampaignClock, for one workspace (job frame, every minute). Primary course:
 * 1. scheduled campaigns whose time has come (byName `…#SCHEDULED`, by UTC time): `preparing` with a new run
 *    id, its run event and campaign.started, conditioned on still being scheduled;
 * 2. running campaigns (byName `…#RUNNING`): recipients in flight for longer than `inDoubtAfterSeconds`
 *    without SES's Send event were never accepted: back to queued (condition: same attempt);
 * 3. a preparing or sending campaign whose lease expired and whose last run event is older than a minute
 *    has a dead runner: its run is asked for again (same run id).
 */
export async function campaignClockInWorkspace(
  deps: Deps,
  workspaceId: string,
  options: { inDoubtAfterSeconds?: number } = {},
): Promise<ClockOutcome> {
  const now = deps.clock();
  const outcome: ClockOutcome = { started: 0, rerequested: 0, requeued: 0 };
  for await (const items of queryIndexPages(
    deps.store,
    crmTable.indexes.byName,
    campaignsKeys.scheduledPartition(workspaceId),
    { range: { before: `${now.toISOString()}#~` } },
  )) {
    for (const item of items) if (await startDue(deps, workspaceId, item, now)) outcome.started++;
  }
  const doubtBefore = new Date(now.getTime() - (options.inDoubtAfterSeconds ?? inDoubtAfterSeconds()) * 1000);
  for await (const items of queryIndexPages(
    deps.store,
    crmTable.indexes.byName,
    campaignsKeys.runningPartition(workspaceId),
  )) {
    for (const item of items) {
      const campaign = campaignItemOf(item);
      for await (const inFlight of queryIndexPages(
        deps.store,
        crmTable.indexes.byCollection,
        campaignsKeys.sendingPartition(workspaceId, campaign.id),
        { range: { before: doubtBefore.toISOString() } },
      )) {
        for (const recipientItem of inFlight) {
          const recipient = recipientItemOf(recipientItem);
          if (
            recipient.attemptId &&
            (await requeueRecipient(deps, workspaceId, campaign.id, recipient, recipient.attemptId))
          )
            outcome.requeued++;
        }
      }
      const leaseExpired = !campaign.leaseUntil || campaign.leaseUntil < now.toISOString();
      const quiet =
        !campaign.requestedAt || Date.parse(campaign.requestedAt) <= now.getTime() - rerequestAfterMs;
      if (
        (campaign.status === 'preparing' || campaign.status === 'sending') &&
        campaign.runId &&
        leaseExpired &&
        quiet &&
        (await rerequest(deps, workspaceId, campaign.id, campaign.runId, now))
      )
        outcome.rerequested++;
    }
  }
  return outcome;
}

async function startDue(
  deps: Deps,
  workspaceId: string,
  item: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const campaign = campaignItemOf(item);
  const runId = newId(now.getTime());
  const running = campaignsKeys.campaignRunning(workspaceId, campaign.id);
  try {
    await writeTransaction(deps.store, [
      {
        Update: {
          TableName: deps.store.tableName,
          Key: campaignsKeys.campaign(workspaceId, campaign.id),
          UpdateExpression:
            'SET #status = :preparing, runId = :runId, startedAt = :now, requestedAt = :now, updatedAt = :now, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk ADD version :one',
          ConditionExpression: '#status = :scheduled AND version = :version',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':preparing': 'preparing',
            ':scheduled': 'scheduled',
            ':runId': runId,
            ':now': now.toISOString(),
            ':gsi2pk': running.gsi2pk,
            ':gsi2sk': running.gsi2sk,
            ':one': 1,
            ':version': campaign.version,
          },
        },
      },
      ...startRunWrites(deps.store.tableName, workspaceId, campaign, runId, now),
    ]);
    return true;
  } catch (error) {
    // rescheduled, cancelled or started by an overlapping clock run meanwhile
    if (cancellationReasons(error)) return false;
    throw error;
  }
}

async function rerequest(
  deps: Deps,
  workspaceId: string,
  campaignId: string,
  runId: string,
  now: Date,
): Promise<boolean> {
  try {
    await writeTransaction(deps.store, [
      {
        Update: {
          TableName: deps.store.tableName,
          Key: campaignsKeys.campaign(workspaceId, campaignId),
          UpdateExpression: 'SET requestedAt = :now',
          ConditionExpression:
            'runId = :runId AND #status IN (:preparing, :sending) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ':runId': runId,
            ':preparing': 'preparing',
            ':sending': 'sending',
          },
        },
      },
      ...outboxWrite(
        deps.store.tableName,
        workspaceId,
        [pendingEvent(CampaignRunRequested, { campaignId, runId })],
        now,
      ),
    ]);
    return true;
  } catch (error) {
    if (cancellationReasons(error)) return false;
    throw error;
  }
}
