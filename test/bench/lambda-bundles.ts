import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { lambdaBundling } from '../../infra/lambda-bundling';
import { repoRoot } from '../../infra/local/local-cloud';
import type { FunctionAccess } from '../../shared/platform/capability';
import { registry } from '../../shared/registry/capability-registry';
import { statsOf } from './stats';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const loadRuns = 11;

/** One raw call with each AWS SDK client a function's access implies: the bare handler it is measured by. */
const clientCalls = {
  DynamoDB: {
    imports: "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
    call: "await new DynamoDBClient({}).send(new GetItemCommand({ TableName: 't', Key: { pk: { S: e.k } } }));",
  },
  EventBridge: {
    imports: "import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';",
    call: "await new EventBridgeClient({}).send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] }));",
  },
  S3: {
    imports: "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';",
    call: "await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: e.k }));",
  },
  Cognito: {
    imports:
      "import { CognitoIdentityProviderClient, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';",
    call: "await new CognitoIdentityProviderClient({}).send(new AdminGetUserCommand({ UserPoolId: 'p', Username: e.k }));",
  },
  SES: {
    imports: "import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';",
    call: "await new SESv2Client({}).send(new SendEmailCommand({ FromEmailAddress: 'a@example.com', Destination: { ToAddresses: [e.k] }, Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } } }));",
  },
} as const;
type Client = keyof typeof clientCalls;

export function clientsOf(access: FunctionAccess): Client[] {
  return [
    ...(access.table ? (['DynamoDB'] as const) : []),
    ...(access.eventBus ? (['EventBridge'] as const) : []),
    ...(access.archive ? (['S3'] as const) : []),
    ...(access.ses ? (['SES'] as const) : []),
    ...(access.userPool ? (['Cognito'] as const) : []),
  ];
}

function baselineSource(clients: readonly Client[]): string {
  const used = clients.length ? clients : (['DynamoDB'] as const);
  return [
    ...used.map((client) => clientCalls[client].imports),
    'export const handler = async (e: { k: string }) => {',
    ...used.map((client) => `  ${clientCalls[client].call}`),
    '};',
  ].join('\n');
}

/** esbuild options for a handler module (or source text) bundled exactly as the CDK stack bundles it. */
export function lambdaBuildOptions(entry: string | { contents: string }) {
  return {
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { ...entry, resolveDir: repoRoot, loader: 'ts' as const } }),
    absWorkingDir: repoRoot,
    bundle: true,
    platform: lambdaBundling.platform,
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    minify: lambdaBundling.minify,
    mainFields: lambdaBundling.mainFields,
    banner: { js: lambdaBundling.banner },
  };
}

/** What a cold Lambda does first: a fresh Node process imports the bundle. */
function coldLoadOnce(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const env = {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    TABLE_NAME: 'bench',
    EVENT_BUS_NAME: 'bench',
    ARCHIVE_BUCKET: 'bench',
    MAIL_FROM: 'crm@example.com',
  };
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`loading ${file} failed: ${child.stderr}`);
  return Number(child.stdout);
}

/** Median cold loads of a bundle and its baseline, taken in turns so a busy moment weighs on both alike. */
function coldLoads(file: string, baselineFile: string): { load: number; baselineLoad: number } {
  const loads: number[] = [];
  const baselineLoads: number[] = [];
  for (let run = 0; run < loadRuns; run++) {
    baselineLoads.push(coldLoadOnce(baselineFile));
    loads.push(coldLoadOnce(file));
  }
  return { load: statsOf(loads).median, baselineLoad: statsOf(baselineLoads).median };
}

/**
 * Bundles every function as the CDK stack does and reports its size and cold load next to a bare handler
 * that makes one call with each AWS SDK client the function uses, bundled the same way.
 */
export async function benchBundles(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'crm-bundles-'));
  const bundle = async (name: string, entry: string | { contents: string }) => {
    const outfile = join(out, `${name}.mjs`);
    const result = await build({ ...lambdaBuildOptions(entry), outfile, metafile: true });
    const bytes = Object.entries(result.metafile.outputs)
      .filter(([path]) => path.endsWith('.mjs'))
      .reduce((sum, [, output]) => sum + output.bytes, 0);
    return { bytes, file: outfile };
  };
  const baselines = new Map<string, { bytes: number; file: string }>();
  const rows: string[] = [];
  let worstSize = 0;
  let worstLoad = 0;
  for (const fn of registry.functions) {
    const clients = clientsOf(fn.access);
    const key = clients.join('+') || 'none';
    let baseline = baselines.get(key);
    if (!baseline) {
      baseline = await bundle(`baseline-${key}`, { contents: baselineSource(clients) });
      baselines.set(key, baseline);
    }
    const measured = await bundle(fn.name, join(repoRoot, 'functions', `${fn.handler}.ts`));
    const { load, baselineLoad } = coldLoads(measured.file, baseline.file);
    const sizeRatio = measured.bytes / baseline.bytes;
    const loadRatio = load / baselineLoad;
    // an exempt function is measured and shown, but not held against the targets
    if (!fn.bundleRuleExemption) {
      worstSize = Math.max(worstSize, sizeRatio);
      worstLoad = Math.max(worstLoad, loadRatio);
    }
    const exempt = fn.bundleRuleExemption ? ` (exempt: ${fn.bundleRuleExemption})` : '';
    rows.push(
      `| ${fn.name} | ${clients.join(', ') || '(none: DynamoDB)'} | ${kb(measured.bytes)} | ${kb(baseline.bytes)} | ` +
        `${sizeRatio.toFixed(2)}×${exempt} | ${ms(load)} | ${ms(baselineLoad)} | ${loadRatio.toFixed(2)}×${exempt} |`,
    );
  }
  rmSync(out, { recursive: true, force: true });
  return `## Lambda bundles

Every function of the registry, bundled with the same options as the CDK stack (\`infra/lambda-bundling.ts\`:
minified ESM, AWS SDK inside). Its baseline is a bare handler that makes one call with each AWS SDK client
the function uses (a function with no client is held against the DynamoDB one), bundled the same way.
Cold load: a fresh Node process imports the bundle, as a Lambda's init does: median of ${loadRuns} runs, taken\nin turns with the baseline's.
Targets: bundle ≤ 1.3×, cold load ≤ 1.5× its baseline, but for the functions marked exempt (a recorded
decision), which are measured and left out of the worst figures. Worst here: **${worstSize.toFixed(3)}×** size,
**${worstLoad.toFixed(2)}×** load.

| Function | SDK clients | Bundle | Baseline | Size | Cold load | Baseline load | Load |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}`;
}
