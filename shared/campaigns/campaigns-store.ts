import { NotFoundError } from '../platform/errors';
import { isId } from '../platform/ids';
import { GetCommand } from '../store/document-client';
import type { Store } from '../store/store';
import {
  type Campaign,
  type CampaignCounters,
  type CampaignRecipient,
  type CampaignStatus,
  type SkipReason,
  skipReasons,
} from './campaign';
import { campaignsKeys } from './campaigns-keys';

type Item = Record<string, unknown>;

/**
 * The campaign item beyond what the API shows: the runner's state. `runId` names the current run (an event
 * with another one is stale), `leaseUntil`/`leaseOwner` the runner holding it, `cursor` how far the audience
 * was read (`source` index of `audience.include`, the last contact id of it), `nextSequence` the audience
 * order of the next recipient, `prepared` once every list was read, `requestedAt` the last run event.
 */
export interface CampaignRunState {
  runId?: string;
  leaseUntil?: string;
  leaseOwner?: string;
  cursor?: PrepareCursor;
  /** The cursor as stored (JSON): the preparation's transaction is conditioned on it. */
  cursorToken?: string;
  nextSequence?: number;
  prepared?: boolean;
  requestedAt?: string;
}

export interface PrepareCursor {
  source: number;
  after?: string;
}

export type CampaignItem = Campaign & CampaignRunState;

export function zeroCounters(): CampaignCounters {
  return {
    audience: 0,
    queued: 0,
    sent: 0,
    failed: 0,
    skipped: 0,
    skippedBy: Object.fromEntries(skipReasons.map((reason) => [reason, 0])) as Record<SkipReason, number>,
  };
}

/** The campaign as the API shows it: no keys, no runner state. */
export function campaignOf(record: object): Campaign {
  const item = record as Item;
  const counters = (item.counters ?? zeroCounters()) as CampaignCounters;
  return {
    id: String(item.id),
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    name: String(item.name),
    templateId: String(item.templateId),
    audience: item.audience as Campaign['audience'],
    ...(typeof item.sendRatePerSecond === 'number' ? { sendRatePerSecond: item.sendRatePerSecond } : {}),
    status: item.status as CampaignStatus,
    ...(item.schedule ? { schedule: item.schedule as Campaign['schedule'] } : {}),
    ...(typeof item.subject === 'string' ? { subject: item.subject } : {}),
    counters: {
      ...zeroCounters(),
      ...counters,
      skippedBy: { ...zeroCounters().skippedBy, ...counters.skippedBy },
    },
    ...(typeof item.startedAt === 'string' ? { startedAt: item.startedAt } : {}),
    ...(typeof item.pausedAt === 'string' ? { pausedAt: item.pausedAt } : {}),
    ...(typeof item.completedAt === 'string' ? { completedAt: item.completedAt } : {}),
    ...(typeof item.cancelledAt === 'string' ? { cancelledAt: item.cancelledAt } : {}),
  };
}

export function campaignItemOf(item: Item): CampaignItem {
  return {
    ...campaignOf(item),
    ...(typeof item.runId === 'string' ? { runId: item.runId } : {}),
    ...(typeof item.leaseUntil === 'string' ? { leaseUntil: item.leaseUntil } : {}),
    ...(typeof item.leaseOwner === 'string' ? { leaseOwner: item.leaseOwner } : {}),
    ...(typeof item.cursorToken === 'string'
      ? { cursor: JSON.parse(item.cursorToken) as PrepareCursor, cursorToken: item.cursorToken }
      : {}),
    ...(typeof item.nextSequence === 'number' ? { nextSequence: item.nextSequence } : {}),
    ...(item.prepared === true ? { prepared: true } : {}),
    ...(typeof item.requestedAt === 'string' ? { requestedAt: item.requestedAt } : {}),
  };
}

/** One strongly consistent GetItem; an id that cannot exist (or another workspace's) is undefined. */
export async function findCampaign(
  store: Store,
  workspaceId: string,
  campaignId: string,
): Promise<CampaignItem | undefined> {
  if (!isId(campaignId)) return undefined;
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: campaignsKeys.campaign(workspaceId, campaignId),
      ConsistentRead: true,
    }),
  );
  return Item ? campaignItemOf(Item) : undefined;
}

export async function requireCampaign(store: Store, workspaceId: string, campaignId: string) {
  const campaign = await findCampaign(store, workspaceId, campaignId);
  if (!campaign) throw new NotFoundError('campaign.not_found');
  return campaign;
}

/** The content a campaign was scheduled with: the compiled template's parts, snapshotted. */
export interface CampaignContent {
  templateId: string;
  templateVersion: number;
  subject: string;
  preheader?: string;
  html: string;
  text: string;
}

export async function readCampaignContent(
  store: Store,
  workspaceId: string,
  campaignId: string,
): Promise<CampaignContent | undefined> {
  const { Item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: campaignsKeys.content(workspaceId, campaignId),
      ConsistentRead: true,
    }),
  );
  if (!Item) return undefined;
  return {
    templateId: String(Item.templateId),
    templateVersion: Number(Item.templateVersion),
    subject: String(Item.subject),
    ...(typeof Item.preheader === 'string' ? { preheader: Item.preheader } : {}),
    html: String(Item.html),
    text: String(Item.text),
  };
}

/** A recipient's send record as stored (with what the runner needs). */
export interface RecipientItem extends CampaignRecipient {
  sequence: number;
  attemptId?: string;
  claimedAt?: string;
  companyId?: string;
}

export function recipientOf(item: Item): CampaignRecipient {
  const optional = (name: keyof CampaignRecipient) =>
    typeof item[name] === 'string' ? { [name]: item[name] as string } : {};
  return {
    contactId: String(item.contactId),
    status: item.status as CampaignRecipient['status'],
    ...optional('email'),
    ...optional('skipReason'),
    ...optional('failure'),
    ...optional('messageId'),
    ...optional('sentAt'),
    ...optional('deliveredAt'),
    ...optional('openedAt'),
    ...optional('clickedAt'),
    ...optional('bouncedAt'),
    ...optional('complainedAt'),
    ...optional('unsubscribedAt'),
  } as CampaignRecipient;
}

export function recipientItemOf(item: Item): RecipientItem {
  return {
    ...recipientOf(item),
    sequence: Number(item.sequence ?? 0),
    ...(typeof item.attemptId === 'string' ? { attemptId: item.attemptId } : {}),
    ...(typeof item.claimedAt === 'string' ? { claimedAt: item.claimedAt } : {}),
    ...(typeof item.companyId === 'string' ? { companyId: item.companyId } : {}),
  };
}
