import { workspaceIdPattern } from '../platform/auth';
import { isId, newId } from '../platform/ids';

/**
 * A form's public id carries its workspace, `<workspaceId>.<ulid>`: the public form URL has no token,
 * and every key of the table starts with the workspace, so the id must say which workspace to look in.
 * Workspace ids never contain a dot, so the first dot separates the two parts.
 */
export interface FormRef {
  workspaceId: string;
  /** The ULID part, used in keys (the workspace is already their prefix). */
  id: string;
}

export function newFormId(workspaceId: string, now: Date): string {
  return `${workspaceId}.${newId(now.getTime())}`;
}

export function formIdOf(ref: FormRef): string {
  return `${ref.workspaceId}.${ref.id}`;
}

/** The workspace and ULID of a public form id; undefined when it cannot be one (answered as 404). */
export function parseFormId(formId: string): FormRef | undefined {
  const dot = formId.indexOf('.');
  if (dot < 1) return undefined;
  const workspaceId = formId.slice(0, dot);
  const id = formId.slice(dot + 1);
  return workspaceIdPattern.test(workspaceId) && isId(id) ? { workspaceId, id } : undefined;
}
