import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, startLocalCloud } from '../../infra/local/local-cloud';
import { createCampaign, scheduleCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsKeys } from '../../shared/campaigns/campaigns-keys';
import { findCampaign } from '../../shared/campaigns/campaigns-store';
import { sendConcurrency } from '../../shared/campaigns/send-pacing';
import { mailerFromEnv } from '../../shared/email/mailer';
import { newId } from '../../shared/platform/ids';
import { UpdateCommand } from '../../shared/store/document-client';
import { storeFromEnv } from '../../shared/store/store';
import { seedAudience, seedCompiledTemplate, seedEmailSettings, seedList } from '../support/campaign-seeds';

/**
 * A campaign to `CAMPAIGN_BENCH_RECIPIENTS` (10,000 by default, the size; a smaller number for a quick
 * look) subscribed contacts in the local cloud, sent by RunCampaign's runner in a child process (as a Lambda
 * runs it) at a local send rate far above SES's: the time to prepare (enqueue) the audience, the pipeline's
 * time per message against bare SendEmail calls to the same emulator, and the sending process's peak memory;
 * then whether a campaign at SES's default 14/s is sent at that rate.
 */
interface CampaignRun {
  total: number;
  outcome: string;
  status: string | undefined;
  sent: number | undefined;
  seedMs: number;
  prepareMs: number;
  sendMs: number;
  maxRssKb: number;
}

/** Seeds `total` subscribed contacts on a list of their own and runs a campaign to them in a child process. */
async function runCampaignTo(
  store: ReturnType<typeof storeFromEnv>,
  workspaceId: string,
  templateId: string,
  total: number,
  sendRatePerSecond?: number,
): Promise<CampaignRun> {
  const deps = { store, clock: () => new Date() };
  const listId = await seedList(store, workspaceId, `Everyone ${total}`);
  const seedStart = performance.now();
  await seedAudience(
    store,
    workspaceId,
    listId,
    Array.from({ length: total }, (_, at) => ({
      id: newId(),
      email: `reader${at}.${listId.slice(-6).toLowerCase()}@bench.example.com`,
      marketing: 'subscribed' as const,
      firstName: `Reader${at}`,
    })),
  );
  const seedMs = performance.now() - seedStart;
  const campaign = await createCampaign(deps, workspaceId, {
    name: `Bench ${total}`,
    templateId,
    audience: { include: [{ kind: 'list', listId }], exclude: [] },
    ...(sendRatePerSecond ? { sendRatePerSecond } : {}),
  });
  // scheduled for later (content snapshotted, no run event), then started by hand: the child runs it alone
  await scheduleCampaign(deps, workspaceId, campaign.id, {
    sendAt: new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 16),
  });
  const runId = newId();
  const running = campaignsKeys.campaignRunning(workspaceId, campaign.id);
  await store.client.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: campaignsKeys.campaign(workspaceId, campaign.id),
      UpdateExpression: 'SET #status = :preparing, runId = :runId, gsi2pk = :pk, gsi2sk = :sk',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':preparing': 'preparing',
        ':runId': runId,
        ':pk': running.gsi2pk,
        ':sk': running.gsi2sk,
      },
    }),
  );

  const started = performance.now();
  let preparedAt: number | undefined;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'test/support/run-campaign-child.ts'),
      workspaceId,
      campaign.id,
      runId,
    ],
    { cwd: repoRoot, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let finished = false;
  void exited.then(() => {
    finished = true;
  });
  while (!finished) {
    if (preparedAt === undefined) {
      const current = await findCampaign(store, workspaceId, campaign.id);
      if (current && current.status !== 'preparing') preparedAt = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, preparedAt === undefined ? 100 : 250));
  }
  const endedAt = performance.now();
  const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as { outcome: string; maxRssKb: number };
  const done = await findCampaign(store, workspaceId, campaign.id);
  return {
    total,
    outcome: result.outcome,
    status: done?.status,
    sent: done?.counters.sent,
    seedMs,
    prepareMs: (preparedAt ?? endedAt) - started,
    sendMs: endedAt - (preparedAt ?? started),
    maxRssKb: result.maxRssKb,
  };
}

/** SES's default quota: what a deployment that has not asked AWS for more sends at. */
const awsDefaultRate = 14;

export async function benchCampaign(): Promise<string> {
  const total = Number(process.env.CAMPAIGN_BENCH_RECIPIENTS ?? 10_000);
  process.env.SES_MAX_SEND_RATE = '100000';
  const cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-bench-campaign',
  });
  try {
    const store = storeFromEnv();
    const workspaceId = 'bench-campaign';
    await seedEmailSettings(store, workspaceId);
    const templateId = await seedCompiledTemplate(store, workspaceId);
    const full = await runCampaignTo(store, workspaceId, templateId, total);
    const mails = (
      (await (await fetch(`${cloud.sesEndpoint}/store`)).json()) as {
        emails: { destination: { to: string[] } }[];
      }
    ).emails.length;
    // at SES's default rate: does the runner keep up with the quota (20 s of sending)?
    const paced = await runCampaignTo(store, workspaceId, templateId, awsDefaultRate * 20, awsDefaultRate);
    const pacedRate = paced.total / (paced.sendMs / 1000);

    // bare SendEmail calls against the same emulator, one after another
    const mailer = mailerFromEnv();
    const bareCount = Math.min(1000, total);
    const bareStart = performance.now();
    for (let at = 0; at < bareCount; at++) {
      await mailer.send({
        from: 'news@kaffeehaus.example.com',
        to: `bare${at}@bench.example.com`,
        subject: 'Spring news',
        text: 'Hello, our espresso is back.',
        html: '<p>Hello, our espresso is back.</p>',
      });
    }
    const barePerMessage = (performance.now() - bareStart) / bareCount;
    const perMessage = full.sendMs / total;
    const workers = sendConcurrency(100_000);
    const lines = [
      '## Campaign send (local cloud)',
      '',
      `A campaign to ${total.toLocaleString('en')} subscribed contacts on one list, RunCampaign's runner in a child process (one runner, as the lease allows) with ${workers} messages under way at once, SES_MAX_SEND_RATE raised to 100,000/s locally; then a campaign of ${paced.total} at SES's default ${awsDefaultRate}/s (AWS sends 10,000 messages in about 12 minutes at that quota, whatever the pipeline costs).`,
      '',
      '| Measure | Value |',
      '| --- | --- |',
      `| Outcome | ${full.outcome}, status ${full.status}, ${full.sent} sent, ${mails} messages in the emulator's mailbox |`,
      `| Seeding the audience (BatchWrite, not the pipeline) | ${(full.seedMs / 1000).toFixed(1)} s |`,
      `| Preparation (enqueue: audience pages → recipients, 25 a transaction) | ${(full.prepareMs / 1000).toFixed(1)} s (${(full.prepareMs / total).toFixed(2)} ms a recipient) |`,
      `| Sending | ${(full.sendMs / 1000).toFixed(1)} s (${perMessage.toFixed(2)} ms a message) |`,
      `| Bare SESv2 SendEmail to the same emulator, one after another (${bareCount} calls) | ${barePerMessage.toFixed(2)} ms a message |`,
      `| Pipeline per message (claim, pacing window, render, SES, sent-record transaction) against a bare SendEmail | ${(perMessage / barePerMessage).toFixed(2)}x |`,
      `| At SES's default quota (${paced.total} messages, campaign rate ${awsDefaultRate}/s, ${sendConcurrency(100_000, awsDefaultRate)} under way) | ${pacedRate.toFixed(1)} a second: ${(pacedRate / awsDefaultRate).toFixed(2)}x the quota; ${paced.sent} sent |`,
      `| Peak memory of the sending process (resourceUsage maxRSS) | ${(full.maxRssKb / 1024).toFixed(0)} MB |`,
    ];
    return lines.join('\n');
  } finally {
    await cloud.stop();
  }
}
