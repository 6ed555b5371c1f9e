import { build } from 'esbuild';
import { lambdaBuildOptions } from './test/bench/lambda-bundles';
const bare = "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';\nexport const handler = (e: { k: string }) => new DynamoDBClient({}).send(new GetItemCommand({ TableName: 't', Key: { pk: { S: e.k } } }));";
async function b(entry: any) {
  const r = await build({ ...lambdaBuildOptions(entry), write: false, outdir: 'out', metafile: true });
  const o = Object.values(r.metafile.outputs).find((f) => f.entryPoint !== undefined)!;
  const bytes = r.outputFiles.filter((f) => f.path.endsWith('.js')).reduce((s, f) => s + f.contents.byteLength, 0);
  return { bytes, inputs: o.inputs };
}
const base = await b({ contents: bare });
const m = await b(process.argv[2]);
console.log('bytes', m.bytes, 'base', base.bytes, (m.bytes / base.bytes).toFixed(4));
const rows: [string, number][] = [];
for (const [p, { bytesInOutput }] of Object.entries(m.inputs)) {
  const d = bytesInOutput - (base.inputs[p]?.bytesInOutput ?? 0);
  if (d !== 0) rows.push([p.replace(/^.*node_modules\//, ''), d]);
}
rows.sort((a, b) => b[1] - a[1]);
let tot = 0;
for (const [p, d] of rows) { tot += d; if (Math.abs(d) >= Number(process.env.MIN ?? 100)) console.log(d, p); }
console.log('total diff', tot);
