import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../infra/local/web-build';

/** A repository with web/ and shared/ sources, built or not. */
function repo({ built }: { built: boolean }): string {
  const root = mkdtempSync(join(tmpdir(), 'web-build-'));
  mkdirSync(join(root, 'web', 'src'), { recursive: true });
  mkdirSync(join(root, 'shared'), { recursive: true });
  writeFileSync(join(root, 'web', 'vite.config.ts'), '');
  writeFileSync(join(root, 'web', 'src', 'main.tsx'), '');
  writeFileSync(join(root, 'shared', 'a.ts'), '');
  if (built) {
    mkdirSync(join(root, 'web', 'dist'));
    writeFileSync(join(root, 'web', 'dist', 'index.html'), '');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'web', 'dist', 'index.html'), later, later);
  }
  return root;
}

function ports(buildMs = 48_000) {
  const lines: string[] = [];
  let clock = 0;
  let builds = 0;
  return {
    lines,
    builds: () => builds,
    build: async () => {
      builds++;
      clock += buildMs;
    },
    log: (line: string) => lines.push(line),
    now: () => clock,
  };
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('buildWebIfStale (npm start)', () => {
  it('says that the first build takes about a minute before it starts, and when it is done', async () => {
    const root = repo({ built: false });
    roots.push(root);
    const fake = ports();
    expect(await buildWebIfStale(root, fake)).toBe(true);
    expect(fake.lines).toEqual([
      'Building the web app (first start, about a minute)…',
      'Web app built in 48 s.',
    ]);
  });

  it('builds nothing and says nothing when the build is newer than the sources', async () => {
    const root = repo({ built: true });
    roots.push(root);
    const fake = ports();
    expect(await buildWebIfStale(root, fake)).toBe(false);
    expect(fake.builds()).toBe(0);
    expect(fake.lines).toEqual([]);
  });

  it('says it rebuilds when a source changed after the last build', async () => {
    const root = repo({ built: true });
    roots.push(root);
    const later = new Date(Date.now() + 120_000);
    utimesSync(join(root, 'shared', 'a.ts'), later, later);
    const fake = ports(3_000);
    expect(await buildWebIfStale(root, fake)).toBe(true);
    expect(fake.lines).toEqual([
      'Rebuilding the web app (its sources changed, up to a minute)…',
      'Web app built in 3 s.',
    ]);
  });
});
