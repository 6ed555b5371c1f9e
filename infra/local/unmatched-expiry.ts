import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { unmatchedArchive } from '../../shared/webhooks/archived-delivery';

const dayMs = 24 * 60 * 60 * 1000;
const dayFolder = /^\d{4}-\d{2}-\d{2}$/;

async function entriesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The local stand-in for the archive bucket's lifecycle rule on deliveries to unknown targets: removes
 * the day folders (`<prefix><source>/<yyyy-mm-dd>/`) that began more than retentionDays - 1 days ago, so
 * that, swept hourly, nothing in them is older than retentionDays. Returns the folders removed.
 */
export async function expireUnmatchedDeliveries(archiveDir: string, now: Date): Promise<string[]> {
  const cutoff = now.getTime() - (unmatchedArchive.retentionDays - 1) * dayMs;
  const removed: string[] = [];
  for (const prefix of [unmatchedArchive.prefix, unmatchedArchive.legacyPrefix]) {
    const root = join(archiveDir, ...prefix.split('/').filter(Boolean));
    for (const source of await entriesOf(root)) {
      for (const day of await entriesOf(join(root, source))) {
        if (!dayFolder.test(day) || Date.parse(`${day}T00:00:00Z`) >= cutoff) continue;
        await rm(join(root, source, day), { recursive: true, force: true });
        removed.push(`${prefix}${source}/${day}`);
      }
    }
  }
  return removed;
}
