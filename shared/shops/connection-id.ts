import { workspaceIdPattern } from '../platform/auth';
import { isId, newId } from '../platform/ids';

/**
 * A shop connection id carries its workspace, `<workspaceId>.<ulid>`: the webhook URL a shop calls has no
 * token, and every key starts with the workspace, so the id must say where to look. Workspace ids have no
 * dot, so the first dot separates the two parts.
 */
export interface ConnectionRef {
  workspaceId: string;
  /** The ULID part, used in keys (the workspace is already their prefix). */
  key: string;
}

export function newConnectionId(workspaceId: string, now: Date): string {
  return `${workspaceId}.${newId(now.getTime())}`;
}

/** The workspace and ULID of a connection id; undefined when it cannot be one (answered as 404). */
export function parseConnectionId(connectionId: string): ConnectionRef | undefined {
  const dot = connectionId.indexOf('.');
  if (dot < 1) return undefined;
  const workspaceId = connectionId.slice(0, dot);
  const key = connectionId.slice(dot + 1);
  return workspaceIdPattern.test(workspaceId) && isId(key) ? { workspaceId, key } : undefined;
}
