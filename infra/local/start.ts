import { join } from 'node:path';
import { JavaMissingError } from './dynamodb-local';
import { type LocalCloud, repoRoot, startLocalCloud } from './local-cloud';
import { buildWebIfStale } from './web-build';

async function main(): Promise<void> {
  await buildWebIfStale(repoRoot, {
    build: async () => {
      const { build } = await import('vite');
      await build({ configFile: join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
    },
    log: (line) => console.log(line),
    now: () => Date.now(),
  });
  const cloud: LocalCloud = await startLocalCloud({
    port: Number(process.env.PORT ?? 3000),
    dataDir: process.env.DATA_DIR,
    publicApiUrl: process.env.PUBLIC_API_URL,
  });
  console.log(
    `\nSeed CRM is running:\n  Web app  ${cloud.url}/\n  API      ${cloud.url}/api  (OpenAPI at ${cloud.url}/api/openapi.json)\n\nCtrl-C stops everything.`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping...');
    await cloud.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof JavaMissingError ? error.message : error);
  process.exit(1);
});
