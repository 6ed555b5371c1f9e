/**
 * How every Lambda is bundled: SDK bundled (not taken from the runtime), minified, ESM, module-first
 * resolution (smaller: tree-shakes the SDK's ES builds). The CDK function construct and the bundle-size
 * benchmark both read this, so the benchmark measures what is deployed.
 */
export const lambdaBundling = {
  target: 'node22',
  platform: 'node' as const,
  format: 'esm' as const,
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  // ESM output still meets CommonJS dependencies that call require()
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  externalModules: [] as string[],
};
