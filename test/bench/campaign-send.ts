import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, startLocalCloud } from '../../infra/local/local-cloud';
import { createCampaign, scheduleCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsKeys } from '../../shared/campaigns/campaigns-keys';
import { findCampaign } from '../../shared/campaigns/campaigns-store';
import { mailerFromEnv } from '../../shared/email/mailer';
import { newId } from '../../shared/platform/ids';
import { UpdateCommand } from '../../shared/store/document-client';
import { storeFromEnv } from '../../shared/store/store';
import { seedAudience, seedCompiledTemplate, seedEmailSettings, seedList } from '../support/campaign-seeds';

/**
 * A campaign to `CAMPAIGN_BENCH_RECIPIENTS` (2,000 by default: on this 2-core machine a message costs ~65 ms locally, so 10,000 take ~15 minutes; `CAMPAIGN_BENCH_RECIPIENTS=10000` runs the full size) subscribed contacts in the local cloud, sent by
 * RunCampaign's runner in a child process (as a Lambda runs it) at a local send rate far above SES's:
 * the time to prepare (enqueue) the audience, the pipeline's time per message against bare SendEmail calls to
 * the same emulator, and the sending process's peak memory.
 */
export async function benchCampaign(): Promise<string> {
  const total = Number(process.env.CAMPAIGN_BENCH_RECIPIENTS ?? 2_000);
  process.env.SES_MAX_SEND_RATE = '100000';
  const cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-bench-campaign',
  });
  try {
    const store = storeFromEnv();
    const deps = { store, clock: () => new Date() };
    const workspaceId = 'bench-campaign';
    await seedEmailSettings(store, workspaceId);
    const listId = await seedList(store, workspaceId, 'Everyone');
    const templateId = await seedCompiledTemplate(store, workspaceId);
    const seedStart = performance.now();
    await seedAudience(
      store,
      workspaceId,
      listId,
      Array.from({ length: total }, (_, at) => ({
        id: newId(),
        email: `reader${at}@bench.example.com`,
        marketing: 'subscribed' as const,
        firstName: `Reader${at}`,
      })),
    );
    const seedMs = performance.now() - seedStart;
    const campaign = await createCampaign(deps, workspaceId, {
      name: 'Bench',
      templateId,
      audience: { include: [{ kind: 'list', listId }], exclude: [] },
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
      await new Promise((resolve) => setTimeout(resolve, preparedAt === undefined ? 100 : 500));
    }
    const endedAt = performance.now();
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
      outcome: string;
      maxRssKb: number;
    };
    const done = await findCampaign(store, workspaceId, campaign.id);
    const prepareMs = (preparedAt ?? endedAt) - started;
    const sendMs = endedAt - (preparedAt ?? started);
    const mails = (
      (await (await fetch(`${cloud.sesEndpoint}/store`)).json()) as {
        emails: { destination: { to: string[] } }[];
      }
    ).emails.length;

    // bare SendEmail calls against the same emulator, one after another as the runner sends
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
    const perMessage = sendMs / total;
    const lines = [
      '## Campaign send (local cloud)',
      '',
      `A campaign to ${total.toLocaleString('en')} subscribed contacts on one list, RunCampaign's runner in a child process (one runner, as the lease allows), SES_MAX_SEND_RATE raised to 100,000/s locally (AWS: 14/s by default, so 10,000 messages take about 12 minutes there whatever the pipeline costs).`,
      '',
      '| Measure | Value |',
      '| --- | --- |',
      `| Outcome | ${result.outcome}, status ${done?.status}, ${done?.counters.sent} sent, ${mails} messages in the emulator's mailbox |`,
      `| Seeding the audience (BatchWrite, not the pipeline) | ${(seedMs / 1000).toFixed(1)} s |`,
      `| Preparation (enqueue: audience pages → recipients, 25 a transaction) | ${(prepareMs / 1000).toFixed(1)} s (${(prepareMs / total).toFixed(2)} ms a recipient) |`,
      `| Sending | ${(sendMs / 1000).toFixed(1)} s (${perMessage.toFixed(2)} ms a message) |`,
      `| Bare SESv2 SendEmail to the same emulator (${bareCount} calls) | ${barePerMessage.toFixed(2)} ms a message |`,
      `| Pipeline per message excluding SES (claim, pacing window, render, sent-record transaction) | ${(perMessage - barePerMessage).toFixed(2)} ms; ${(perMessage / barePerMessage).toFixed(1)}x a bare SendEmail |`,
      `| Peak memory of the sending process (resourceUsage maxRSS) | ${(result.maxRssKb / 1024).toFixed(0)} MB |`,
    ];
    return lines.join('\n');
  } finally {
    await cloud.stop();
  }
}
