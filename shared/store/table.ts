/**
 * The one table description: the CDK `Table` in infra/, the local cloud and the runtime all read it,
 * so the physical layout cannot drift. Index names say which access patterns they serve; attribute names
 * stay generic because each index is overloaded by several entities (see docs/data-model.md).
 */
export const crmTable = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  indexes: {
    /** Collections and memberships: every contact of a workspace, every contact with a tag. */
    byCollection: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Name prefix search, case- and accent-insensitive. */
    byName: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Children of a parent record: the contacts of a company. */
    byParent: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /**
     * Sparse and scanned, never queried for a request: shop connections and webhook subscriptions of every
     * workspace. Scheduled jobs walk the workspace registry now; only its one-off backfill scans this.
     */
    acrossWorkspaces: { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    /**
     * What a member of the team owns or is assigned: "my contacts", "my companies", "my open tasks", "my
     * tickets" (decision 150). Keyed by workspace and member, so each is one Query.
     */
    byOwner: { name: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
  },
} as const;

export type IndexName = keyof typeof crmTable.indexes;

export const defaultTableName = 'seed-crm';

export function tableNameFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.TABLE_NAME ?? defaultTableName;
}
