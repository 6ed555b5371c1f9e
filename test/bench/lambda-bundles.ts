import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { lambdaBundling } from '../../infra/lambda-bundling';
import { repoRoot } from '../../infra/local/local-cloud';
import { registry } from '../../shared/registry/capability-registry';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Bundles every function as the CDK stack does and reports its size next to an empty handler's bundle. */
export async function benchBundles(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'crm-bundles-'));
  const bundle = async (entry: string | { contents: string }) => {
    const result = await build({
      ...(typeof entry === 'string'
        ? { entryPoints: [entry] }
        : { stdin: { ...entry, resolveDir: repoRoot, loader: 'ts' } }),
      bundle: true,
      platform: lambdaBundling.platform,
      target: lambdaBundling.target,
      format: lambdaBundling.format,
      minify: lambdaBundling.minify,
      mainFields: lambdaBundling.mainFields,
      banner: { js: lambdaBundling.banner },
      write: false,
      outdir: out,
      metafile: true,
    });
    return result.outputFiles
      .filter((file) => file.path.endsWith('.js'))
      .reduce((sum, file) => sum + file.contents.byteLength, 0);
  };
  const baseline = await bundle({
    contents:
      "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';\nexport const handler = (e: { k: string }) => new DynamoDBClient({}).send(new GetItemCommand({ TableName: 't', Key: { pk: { S: e.k } } }));",
  });
  const rows: string[] = [];
  for (const fn of registry.functions) {
    const size = await bundle(join(repoRoot, 'functions', `${fn.handler}.ts`));
    rows.push(`| ${fn.name} | ${kb(size)} | ${(size / baseline).toFixed(2)}× |`);
  }
  rmSync(out, { recursive: true, force: true });
  return `## Lambda bundles

Minified ESM bundles with the AWS SDK inside, built with the same options as the CDK stack
(\`infra/lambda-bundling.ts\`). Baseline: a handler that only does one raw DynamoDB GetItem with the bare
client, bundled the same way: **${kb(baseline)}**.

| Function | Bundle | vs. baseline |
| --- | --- | --- |
${rows.join('\n')}`;
}
