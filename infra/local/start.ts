import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JavaMissingError } from './dynamodb-local';
import { type LocalCloud, repoRoot, startLocalCloud } from './local-cloud';

/** Newest modification time under a folder, to know whether the web build is stale. */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function buildWebIfStale(): Promise<void> {
  if (!existsSync(join(repoRoot, 'web', 'vite.config.ts'))) return;
  const index = join(repoRoot, 'web', 'dist', 'index.html');
  const sources = Math.max(newestChange(join(repoRoot, 'web')), newestChange(join(repoRoot, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('Building the web app...');
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

async function main(): Promise<void> {
  await buildWebIfStale();
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
