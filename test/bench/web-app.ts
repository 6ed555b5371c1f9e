import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot, startLocalCloud } from '../../infra/local/local-cloud';
import { createContact } from '../../shared/contacts/create-contact';
import { storeFromEnv } from '../../shared/store/store';
import { launchChromium } from '../e2e/support/chromium';
import { ms, ratio, statsOf } from './stats';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const contactsStored = 5000;
const loads = 7;

/** The JS a first visit must load: the entry script and the chunks index.html preloads. */
function initialJsGzip(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  );
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).byteLength, 0);
}

/** Baseline: the smallest React app (react + react-dom rendering one element), minified and gzipped. */
async function minimalReactGzip(): Promise<number> {
  const result = await build({
    stdin: {
      contents:
        "import { createRoot } from 'react-dom/client';\nimport { createElement } from 'react';\ncreateRoot(document.body).render(createElement('p', null, 'hi'));",
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).byteLength;
}

async function seedContacts(workspaceId: string): Promise<void> {
  const deps = { store: storeFromEnv(), clock: () => new Date() };
  let next = 0;
  const worker = async () => {
    while (next < contactsStored) {
      const i = next++;
      await createContact(deps, workspaceId, {
        firstName: `First${i}`,
        lastName: `Last${i}`,
        email: `contact-${i}@example.com`,
        tags: i % 10 === 0 ? ['vip'] : [],
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * Initial JS of the built app against the smallest React app, and the time from navigation to the first
 * row of the contacts page (5,000 contacts stored, cold browser cache) against the API call it makes,
 * timed in the same page.
 */
export async function benchWeb(): Promise<string> {
  const dist = join(repoRoot, 'web', 'dist');
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('web/dist is missing: run `npm run build` first');
  const appJs = initialJsGzip(dist);
  const reactJs = await minimalReactGzip();

  const cloud = await startLocalCloud({
    port: 0,
    inMemory: true,
    quiet: true,
    tableName: 'seed-crm-bench-web',
  });
  const browser = await launchChromium();
  try {
    await seedContacts('bench');
    const { token, expiresAt } = (await (
      await fetch(`${cloud.url}/api/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspaceId: 'bench', email: 'bench@example.com', roles: ['admin'] }),
      })
    ).json()) as { token: string; expiresAt: string };
    const session = JSON.stringify({ token, expiresAt: Date.parse(expiresAt) });
    const pageLoads: number[] = [];
    const apiCalls: number[] = [];
    for (let run = 0; run <= loads; run++) {
      const page = await browser.context.newPage();
      await page.addInitScript((value) => localStorage.setItem('seed-crm.session', value), session);
      // a cold cache for every load: what a person opening the app sees
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const started = Date.now();
      await page.goto(`${cloud.url}/contacts`);
      await page.locator('tbody tr').first().waitFor({ state: 'visible', timeout: 60_000 });
      const loaded = Date.now() - started;
      const api = await page.evaluate(async (bearer) => {
        const start = performance.now();
        const response = await fetch('/api/contacts?limit=25', {
          headers: { authorization: `Bearer ${bearer}` },
        });
        await response.json();
        return performance.now() - start;
      }, token);
      await page.close();
      if (run === 0) continue; // the first load warms the server side (handler modules, JIT)
      pageLoads.push(loaded);
      apiCalls.push(api);
    }
    const page = statsOf(pageLoads);
    const api = statsOf(apiCalls);
    return `## Web app

| Figure | Value | Baseline | Ratio | Target |
| --- | --- | --- | --- | --- |
| Initial JS (gzip: entry + preloaded chunks) | ${kb(appJs)} | ${kb(reactJs)} (React + ReactDOM rendering one element) | ${ratio(appJs, reactJs)} | ≤ 200 KB |
| Time to first contacts row, ${contactsStored.toLocaleString('en')} contacts stored, cold cache (median of ${loads}) | ${ms(page.median)} | ${ms(api.median)} (the page's own list call, \`GET /api/contacts?limit=25\`) | ${ratio(page.median, api.median)} | — |

Headless Chromium (Debian) against the local cloud on this machine; the time runs from navigation
start to the first table row being visible, so it includes loading the app, checking the session and
the first list request.`;
  } finally {
    await browser.close();
    await cloud.stop();
  }
}
