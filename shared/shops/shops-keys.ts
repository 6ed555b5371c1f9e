import { type KeyPair, ws } from '../store/key-parts';

/**
 * The shops capability: connections.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const shopsKeys = {
  // --- webhooks: intake and shops ---
  /** A shop connection, in the workspace's settings partition (`id` is the ULID part of the connection id). */
  shopConnection: (workspaceId: string, id: string): KeyPair => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    sk: `SHOP_CONNECTION#${id}`,
  }),
  shopConnectionsPrefix: (workspaceId: string) => ({
    pk: `${ws(workspaceId)}#SETTINGS`,
    skPrefix: 'SHOP_CONNECTION#',
  }),
  /** GSI acrossWorkspaces (sparse, scanned by scheduled jobs): which workspaces have shop connections. */
  shopConnectionAcrossWorkspaces: (workspaceId: string, id: string) => ({
    gsi4pk: `${ws(workspaceId)}#SHOP_CONNECTIONS`,
    gsi4sk: id,
  }),
};
