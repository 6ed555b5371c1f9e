/**
 * One-off, after the deploy that put form submissions and orders on the timeline (decision 150): moves
 * the submissions written under `ACTIVITY#<id>` onto the timeline and adds an entry for each order filed
 * under a contact. Safe to run again. Run with the table's credentials:
 * `TABLE_NAME=<table> npx tsx infra/migrate-timeline.ts`.
 */
import { migrateTimeline } from '../shared/activities/migrate-timeline';
import { storeFromEnv } from '../shared/store/store';

const migrated = await migrateTimeline(storeFromEnv());
process.stdout.write(
  `moved ${migrated.submissionsMoved} form submissions; added ${migrated.ordersAdded} order entries (${migrated.ordersSkipped} skipped)\n`,
);
