/**
 * The parts every key is built from: the workspace prefix and the platform's sentinels. Capabilities build
 * their keys from these in their own `*-keys.ts`, and `keys.ts` gathers them; nothing else builds a key.
 */
export type KeyPair = { pk: string; sk: string };

export const ws = (workspaceId: string) => `WS#${workspaceId}`;

export const workspaceRegistryPartition = 'WORKSPACES';
export const workspaceRegistrySkPrefix = 'WORKSPACE#';

export type RecordKind = 'CONTACT' | 'COMPANY';

/** Items keyed by something else that a contact's partition links to (see `contactLink`). */
export type ContactLinkKind = 'DELIVERY' | 'OUTBOUND_DELIVERY';

export const collectionNames: Record<RecordKind, string> = { CONTACT: 'CONTACTS', COMPANY: 'COMPANIES' };
