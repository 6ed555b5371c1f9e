import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/local-cloud';
import { launchChromium } from './chromium';

export interface BrowserAndCloud {
  cloud: LocalCloud;
  context: Awaited<ReturnType<typeof launchChromium>>['context'];
  /** A new tab of `viewport`, on the sign-in page with nothing stored. */
  openPage(viewport: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Chromium and a local cloud of its own (in memory, serving the built web/dist). The browser starts
 * first: without it (CI=true) the suite fails before starting anything it could leak.
 */
export async function startBrowserAndCloud(): Promise<BrowserAndCloud> {
  const index = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
  if (!existsSync(index)) throw new Error('web/dist is missing: run `npm run build` first (npm test does).');
  const browser = await launchChromium();
  let cloud: LocalCloud;
  try {
    cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true });
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    cloud,
    context: browser.context,
    async openPage(viewport) {
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${cloud.url}/sign-in`);
      await page.evaluate(() => localStorage.clear());
      return page;
    },
    async stop() {
      await browser.close();
      await cloud.stop();
    },
  };
}
