import { build } from 'esbuild';
import { lambdaBuildOptions } from './test/bench/lambda-bundles';
for (const pure of [[], ['createPaginator']]) {
  const r = await build({ ...lambdaBuildOptions('functions/companies/companies-api.ts'), write: false, outdir: 'out', pure });
  console.log(pure, r.outputFiles.filter((f) => f.path.endsWith('.js')).reduce((s, f) => s + f.contents.byteLength, 0));
}
