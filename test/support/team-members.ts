import { createHash } from 'node:crypto';
import type { Role } from '../../shared/platform/roles';
import { type DocumentClient, PutCommand } from '../../shared/store/document-client';
import type { Member } from '../../shared/team/member';
import { teamKeys } from '../../shared/team/team-keys';
import { testTable } from './api-client';

/** The member id (token subject) the local sign-in gives an email in a workspace (infra/local/local-auth.ts). */
export function localMemberIdOf(workspaceId: string, email = 'tester@example.com'): string {
  return createHash('sha256').update(`${workspaceId}:${email}`).digest('hex').slice(0, 32);
}

/**
 * Writes a member item straight into the test table: for tests of capabilities that assign work to members
 * and must not depend on the team routes. Returns the member id.
 */
export async function seedMember(
  workspaceId: string,
  options: {
    email?: string;
    roles?: Role[];
    status?: Member['status'];
    name?: string;
    /** A table other than the shared test table's (a test's own local cloud). */
    table?: { client: DocumentClient; tableName: string };
  } = {},
): Promise<string> {
  const email = options.email ?? 'tester@example.com';
  const id = localMemberIdOf(workspaceId, email);
  const now = new Date().toISOString();
  const member: Member = {
    id,
    email,
    ...(options.name ? { name: options.name } : {}),
    roles: options.roles ?? ['admin'],
    status: options.status ?? 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const table = options.table ?? testTable();
  await table.client.send(
    new PutCommand({
      TableName: table.tableName,
      Item: { ...member, ...teamKeys.member(workspaceId, id), entity: 'member' },
    }),
  );
  return id;
}
