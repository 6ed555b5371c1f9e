/**
 * `npx tsx test/bench/bundle-contributions.ts [handler.ts...]`: what each dependency adds to a Lambda bundle
 * built as the CDK stack builds it (infra/lambda-bundling.ts), next to a bare SDK handler. The bundle
 * benchmark says how big; this says why (decision 090).
 */
import { build, type Metafile } from 'esbuild';
import { lambdaBuildOptions } from './lambda-bundles';

const defaultEntries = [
  'functions/contacts/contacts-api.ts',
  'functions/shops/shops-api.ts',
  'functions/forms/forms-api.ts',
];
const bareHandler =
  "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';\nexport const handler = (e: { k: string }) => new DynamoDBClient({}).send(new GetItemCommand({ TableName: 't', Key: { pk: { S: e.k } } }));";
const groups: Array<[string, RegExp]> = [
  ['zod', /node_modules\/zod\//],
  ['libphonenumber-js', /node_modules\/libphonenumber-js\/|phone-metadata/],
  ['aws-sdk', /node_modules\/@(aws-sdk|smithy|aws-crypto)\//],
  ['other packages', /node_modules\//],
  ['shared/', /^shared\//],
  ['functions/', /^functions\//],
];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function bundle(entry: string | { contents: string }) {
  const result = await build({
    ...lambdaBuildOptions(entry),
    write: false,
    outdir: 'out',
    metafile: true,
  });
  const output = Object.values(result.metafile.outputs).find((file) => file.entryPoint !== undefined);
  const bytes = result.outputFiles
    .filter((file) => file.path.endsWith('.js'))
    .reduce((sum, file) => sum + file.contents.byteLength, 0);
  return { bytes, inputs: (output?.inputs ?? {}) as Metafile['outputs'][string]['inputs'] };
}

const baseline = await bundle({ contents: bareHandler });
console.log(`bare SDK handler: ${kb(baseline.bytes)}`);
const entries = process.argv.slice(2);
for (const entry of entries.length ? entries : defaultEntries) {
  const { bytes, inputs } = await bundle(entry);
  const sums = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const group = groups.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';
    sums.set(group, (sums.get(group) ?? 0) + bytesInOutput);
  }
  const largest = Object.entries(inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, Number(process.env.LARGEST ?? 8))
    .map(([path, { bytesInOutput }]) => `${path.replace(/^.*node_modules\//, '')} ${kb(bytesInOutput)}`);
  console.log(`\n${entry}: ${kb(bytes)} (${(bytes / baseline.bytes).toFixed(2)}× the bare handler)`);
  console.log(
    `  ${[...sums]
      .sort(([, a], [, b]) => b - a)
      .map(([group, sum]) => `${group} ${kb(sum)}`)
      .join(' | ')}`,
  );
  console.log(`  largest: ${largest.join(', ')}`);
}
