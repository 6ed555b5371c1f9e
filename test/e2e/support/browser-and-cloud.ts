import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/local-cloud';
import type { Role } from '../../../shared/platform/roles';
import { launchChromium } from './chromium';

/** Who calls the API in a test's set-up: an admin of the workspace unless told otherwise. */
export interface ApiUser {
  workspaceId: string;
  email?: string;
  roles?: Role[];
}

/** Calls the API as one user; the parsed reply, or an error naming the call when it is not ok. */
export type ApiCaller = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

export interface BrowserAndCloud {
  cloud: LocalCloud;
  context: Awaited<ReturnType<typeof launchChromium>>['context'];
  /** A new tab of `viewport`, on the sign-in page with nothing stored. */
  openPage(viewport: { width: number; height: number }): Promise<Page>;
  /** The local sign-in's reply to a token request (refused for a deactivated member). */
  requestToken(user: ApiUser): Promise<Response>;
  /** The API as `user`, with a token from the local sign-in: for seeding and checking what the page did. */
  apiAs(user: ApiUser): Promise<ApiCaller>;
  stop(): Promise<void>;
}

/**
 * Chromium and a local cloud of its own (in memory, serving the built web/dist). The browser starts
 * first: without it (CI=true) the suite fails before starting anything it could leak.
 */
export async function startBrowserAndCloud(options: { tableName?: string } = {}): Promise<BrowserAndCloud> {
  const index = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
  if (!existsSync(index)) throw new Error('web/dist is missing: run `npm run build` first (npm test does).');
  const browser = await launchChromium();
  let cloud: LocalCloud;
  try {
    cloud = await startLocalCloud({ port: 0, inMemory: true, quiet: true, ...options });
  } catch (error) {
    await browser.close();
    throw error;
  }
  const requestToken = ({ workspaceId, email = 'setup@example.com', roles = ['admin'] }: ApiUser) =>
    fetch(`${cloud.url}/api/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceId, email, roles }),
    });
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
    requestToken,
    async apiAs(user) {
      const issued = await requestToken(user);
      if (!issued.ok) throw new Error(`no token for ${user.email ?? 'the admin'}: ${issued.status}`);
      const { token } = (await issued.json()) as { token: string };
      return async <T = unknown>(method: string, path: string, body?: unknown) => {
        const reply = await fetch(`${cloud.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${await reply.text()}`);
        const text = await reply.text();
        return (text ? JSON.parse(text) : undefined) as T;
      };
    },
    async stop() {
      await browser.close();
      await cloud.stop();
    },
  };
}
