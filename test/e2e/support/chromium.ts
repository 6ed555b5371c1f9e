import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/**
 * Whether the e2e suite runs: always in CI (where a missing browser is a failure, reported by
 * `launchChromium`), elsewhere only when Chromium is installed.
 */
export const runE2e = hasChromium || process.env.CI === 'true';

if (!runE2e) {
  console.warn(
    `e2e: skipped, no Chromium at ${chromiumPath} (apt-get install chromium); with CI=true this fails.`,
  );
}

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A headless Chromium with a fresh profile (Playwright passes the temp dir as --user-data-dir). */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!hasChromium)
    throw new Error(
      `Chromium is missing at ${chromiumPath}: the e2e suite needs it (apt-get install chromium).`,
    );
  const userDataDir = mkdtempSync(join(tmpdir(), 'seed-crm-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args,
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
