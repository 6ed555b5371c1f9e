/**
 * One-off, after the deploy that introduced the workspace registry (decision 100): registers the workspaces
 * that have shop connections or webhook subscriptions, so the scheduled jobs find those that raise no event.
 * Run with the table's credentials: `TABLE_NAME=<table> npx tsx infra/backfill-workspace-registry.ts`.
 */
import { backfillWorkspaceRegistry } from '../shared/platform/workspace-registry';
import { storeFromEnv } from '../shared/store/store';

const registered = await backfillWorkspaceRegistry(storeFromEnv());
process.stdout.write(`registered ${registered.length} workspaces\n`);
