import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

export interface WebBuildPorts {
  /** Runs vite's build of web/. */
  build(): Promise<void>;
  log(line: string): void;
  now(): number;
}

/**
 * Builds the web app when its sources (web/, shared/) changed since the last build, and says so before and
 * after: a first build takes about a minute, and a silent terminal looks like a hang. Returns whether it built.
 */
export async function buildWebIfStale(repoRoot: string, ports: WebBuildPorts): Promise<boolean> {
  if (!existsSync(join(repoRoot, 'web', 'vite.config.ts'))) return false;
  const index = join(repoRoot, 'web', 'dist', 'index.html');
  const built = existsSync(index);
  const sources = Math.max(newestChange(join(repoRoot, 'web')), newestChange(join(repoRoot, 'shared')));
  if (built && statSync(index).mtimeMs >= sources) return false;
  ports.log(
    built
      ? 'Rebuilding the web app (its sources changed, up to a minute)…'
      : 'Building the web app (first start, about a minute)…',
  );
  const started = ports.now();
  await ports.build();
  ports.log(`Web app built in ${Math.round((ports.now() - started) / 1000)} s.`);
  return true;
}
