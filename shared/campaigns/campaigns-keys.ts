import { type KeyPair, ws } from '../store/key-parts';

/**
 * Campaigns (decision 170). Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 *
 * - A campaign is one item (`WS#w#CAMPAIGN#c` / `CAMPAIGN`) with its state, lease and counters; listed on
 *   byCollection `WS#w#CAMPAIGNS` / `<id>` (newest first). While scheduled it is on byName
 *   `WS#w#CAMPAIGNS#SCHEDULED` / `<sendAtUtc>#<id>` (the clock's due Query); while preparing, sending or
 *   paused on `WS#w#CAMPAIGNS#RUNNING` / `<id>` (the clock looks for stalled runs and in-doubt sends).
 * - Its content as scheduled (subject, preheader, HTML, text of the compiled template): `CONTENT`.
 * - A recipient's send record: `RECIPIENT#<contactId>`. While queued it is on byCollection
 *   `WS#w#CAMPAIGN#c#QUEUED` / `<sequence>#<contactId>` (audience order); while being sent on
 *   `WS#w#CAMPAIGN#c#SENDING` / `<claimedAt>#<contactId>` (in doubt if it stays); always on byParent
 *   `WS#w#CONTACT#<contactId>#CAMPAIGN_EMAILS` / `<campaignId>` (the contact's campaign mails, erasure).
 * - Report counters: per hour `STATS#<YYYY-MM-DDTHH>`, per link `LINK#<sha256(url), 32 hex>`.
 * - Send-rate windows (rate-limit.ts, one second each, TTL a day): the deployment's SES quota, shared by
 *   every workspace, `SES_SEND_RATE` / `WINDOW#<epoch second>` (the one key without a workspace: the quota
 *   is the account's), and a campaign's own rate `WS#w#CAMPAIGN#c` / `RATE#<epoch second>`.
 */
export const campaignsKeys = {
  campaign: (workspaceId: string, campaignId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    sk: 'CAMPAIGN',
  }),
  campaignListed: (workspaceId: string, campaignId: string) => ({
    gsi1pk: campaignsKeys.campaignsPartition(workspaceId),
    gsi1sk: campaignId,
  }),
  campaignsPartition: (workspaceId: string) => `${ws(workspaceId)}#CAMPAIGNS`,
  campaignScheduled: (workspaceId: string, sendAtUtc: string, campaignId: string) => ({
    gsi2pk: campaignsKeys.scheduledPartition(workspaceId),
    gsi2sk: `${sendAtUtc}#${campaignId}`,
  }),
  scheduledPartition: (workspaceId: string) => `${ws(workspaceId)}#CAMPAIGNS#SCHEDULED`,
  campaignRunning: (workspaceId: string, campaignId: string) => ({
    gsi2pk: campaignsKeys.runningPartition(workspaceId),
    gsi2sk: campaignId,
  }),
  runningPartition: (workspaceId: string) => `${ws(workspaceId)}#CAMPAIGNS#RUNNING`,
  content: (workspaceId: string, campaignId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    sk: 'CONTENT',
  }),
  recipient: (workspaceId: string, campaignId: string, contactId: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    sk: `RECIPIENT#${contactId}`,
  }),
  recipientsPrefix: (workspaceId: string, campaignId: string) => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    skPrefix: 'RECIPIENT#',
  }),
  /** A sequence of 10 digits keeps the audience order as text. */
  recipientQueued: (workspaceId: string, campaignId: string, sequence: number, contactId: string) => ({
    gsi1pk: campaignsKeys.queuedPartition(workspaceId, campaignId),
    gsi1sk: `${String(sequence).padStart(10, '0')}#${contactId}`,
  }),
  queuedPartition: (workspaceId: string, campaignId: string) =>
    `${ws(workspaceId)}#CAMPAIGN#${campaignId}#QUEUED`,
  recipientSending: (workspaceId: string, campaignId: string, claimedAt: string, contactId: string) => ({
    gsi1pk: campaignsKeys.sendingPartition(workspaceId, campaignId),
    gsi1sk: `${claimedAt}#${contactId}`,
  }),
  sendingPartition: (workspaceId: string, campaignId: string) =>
    `${ws(workspaceId)}#CAMPAIGN#${campaignId}#SENDING`,
  recipientOfContact: (workspaceId: string, contactId: string, campaignId: string) => ({
    gsi3pk: campaignsKeys.contactCampaignEmailsPartition(workspaceId, contactId),
    gsi3sk: campaignId,
  }),
  contactCampaignEmailsPartition: (workspaceId: string, contactId: string) =>
    `${ws(workspaceId)}#CONTACT#${contactId}#CAMPAIGN_EMAILS`,
  hourStats: (workspaceId: string, campaignId: string, hour: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    sk: `STATS#${hour}`,
  }),
  hourStatsPrefix: (workspaceId: string, campaignId: string) => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    skPrefix: 'STATS#',
  }),
  linkStats: (workspaceId: string, campaignId: string, urlHash: string): KeyPair => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    sk: `LINK#${urlHash}`,
  }),
  linkStatsPrefix: (workspaceId: string, campaignId: string) => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    skPrefix: 'LINK#',
  }),
  sesSendRateWindow: (windowStart: number): KeyPair => ({
    pk: 'SES_SEND_RATE',
    sk: `WINDOW#${windowStart}`,
  }),
  campaignRateWindow: (workspaceId: string, campaignId: string, windowStart: number): KeyPair => ({
    pk: `${ws(workspaceId)}#CAMPAIGN#${campaignId}`,
    sk: `RATE#${windowStart}`,
  }),
};
