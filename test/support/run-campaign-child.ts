/**
 * RunCampaign's runner in a process of its own, for the kill test and the bench: it reaches the local cloud
 * through the same environment variables a Lambda reads (TABLE_NAME, DYNAMODB_ENDPOINT, SES_ENDPOINT,
 * PUBLIC_API_URL). `KILL_AT=claimed|sent` and `KILL_AFTER=<n>` make it SIGKILL itself at the n-th such
 * point (after a claim before SES; after SES accepted before the record), as a Lambda dies mid-send.
 * Prints one JSON line: the outcome and the process's peak memory.
 */
import { runCampaign } from '../../shared/campaigns/run-campaign';
import { mailerFromEnv } from '../../shared/email/mailer';
import { sendingConfigFromEnv } from '../../shared/email/sending-config';
import { depsFromEnv } from '../../shared/platform/deps';

const [workspaceId, campaignId, runId] = process.argv.slice(2) as [string, string, string];
const killAt = process.env.KILL_AT;
const killAfter = Number(process.env.KILL_AFTER ?? 1);
let seen = 0;

const startedAt = Date.now();
const outcome = await runCampaign(
  {
    ...depsFromEnv(),
    mailer: mailerFromEnv(),
    sending: sendingConfigFromEnv(),
    publicApiUrl: process.env.PUBLIC_API_URL ?? 'http://127.0.0.1',
    leaseMs: Number(process.env.LEASE_MS ?? 120_000),
    checkpoint: (point) => {
      if (point === killAt && ++seen >= killAfter) process.kill(process.pid, 'SIGKILL');
    },
  },
  { workspaceId, campaignId, runId },
  { timeLeftMs: () => 15 * 60_000 - (Date.now() - startedAt) },
);
process.stdout.write(
  `${JSON.stringify({ outcome, ms: Date.now() - startedAt, maxRssKb: process.resourceUsage().maxRSS, heapUsed: process.memoryUsage().heapUsed })}\n`,
);
