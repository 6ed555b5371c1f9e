import { build } from 'esbuild';
import { lambdaBuildOptions } from './test/bench/lambda-bundles';
await build({ ...lambdaBuildOptions(process.argv[2]), minify: false, outfile: process.argv[3] });
