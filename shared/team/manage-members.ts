import { pendingEvent } from '../events/domain-event';
import { outboxWrite } from '../events/outbox';
import type { AuthContext } from '../platform/auth';
import type { Deps } from '../platform/deps';
import { ConflictError } from '../platform/errors';
import { forgetMemberActivity } from '../platform/member-activity';
import { cancellationReasons, failedAt, writeTransaction } from '../store/transactions';
import { activeMemberCheck, notAnActiveMember } from './active-member-check';
import type { Member } from './member';
import { MemberDeactivated, MemberInvited, MemberUpdated } from './member-events';
import { findMember, getMember, listMembers, memberItem } from './member-repository';
import type { InviteMemberBody, MemberPatch } from './member-requests';
import { teamKeys } from './team-keys';
import type { UserDirectory } from './user-directory';

/** The ports of team operations: the table, the clock and the user directory (Cognito). */
export interface TeamDeps extends Deps {
  directory: UserDirectory;
}

/**
 * Invites someone to the workspace:
 * 1. refuse an email a member of the workspace already has (409);
 * 2. create the user in the directory with the workspace and its roles (Cognito mails a temporary password;
 *    409 when the email has an account anywhere in the pool);
 * 3. put the member item (`invited`) with member.invited in one transaction.
 */
export async function inviteMember(
  { store, clock, directory }: TeamDeps,
  by: AuthContext,
  input: InviteMemberBody,
): Promise<Member> {
  const workspaceId = by.workspaceId;
  const members = await listMembers(store, workspaceId);
  if (members.some((member) => member.email === input.email)) throw new ConflictError('member.email_taken');
  const id = await directory.createUser({ workspaceId, ...input });
  const now = clock();
  const timestamp = now.toISOString();
  const member: Member = {
    id,
    email: input.email,
    ...(input.name ? { name: input.name } : {}),
    roles: input.roles,
    status: 'invited',
    version: 1,
    invitedAt: timestamp,
    invitedBy: by.userId,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  try {
    await writeTransaction(store, [
      {
        Put: {
          TableName: store.tableName,
          Item: memberItem(workspaceId, member),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [
          pendingEvent(MemberInvited, {
            memberId: id,
            email: member.email,
            roles: member.roles,
            invitedBy: by.userId,
          }),
        ],
        now,
      ),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new ConflictError('member.email_taken');
    throw error;
  }
  return member;
}

/**
 * Changes a member over the version the admin saw (If-Match): its roles in the directory (its next token
 * carries them), then the item with member.updated. The name is the CRM's only (the directory keeps the
 * email it signs in with). The last active admin keeps the admin role, so the team stays manageable.
 */
export async function updateMember(
  { store, clock, directory }: TeamDeps,
  by: AuthContext,
  memberId: string,
  patch: MemberPatch,
  expectedVersion: number,
): Promise<Member> {
  const workspaceId = by.workspaceId;
  const current = await getMember(store, workspaceId, memberId);
  if (current.status === 'deactivated') throw new ConflictError('member.is_deactivated');
  if (current.version !== expectedVersion) throw new ConflictError('member.version_conflict');
  const roles = patch.roles ?? current.roles;
  if (current.roles.includes('admin') && !roles.includes('admin')) {
    const admins = await listMembers(store, workspaceId);
    const others = admins.filter(
      (member) => member.id !== memberId && member.status === 'active' && member.roles.includes('admin'),
    );
    if (others.length === 0) throw new ConflictError('member.last_admin');
  }
  if (patch.roles) await directory.setRoles(memberId, roles, current.roles);
  const now = clock();
  const { name: _, ...unnamed } = current;
  const name = patch.name === undefined ? current.name : patch.name || undefined;
  const next: Member = {
    ...unnamed,
    ...(name ? { name } : {}),
    roles,
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  try {
    await writeTransaction(store, [
      {
        Put: {
          TableName: store.tableName,
          Item: memberItem(workspaceId, next),
          ConditionExpression: 'attribute_exists(pk) AND #status <> :deactivated AND #version = :expected',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':deactivated': 'deactivated', ':expected': expectedVersion },
        },
      },
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [
          pendingEvent(MemberUpdated, {
            memberId,
            email: next.email,
            roles: next.roles,
            previousRoles: current.roles,
            updatedBy: by.userId,
          }),
        ],
        now,
      ),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new ConflictError('member.version_conflict');
    throw error;
  }
  return next;
}

/**
 * Deactivates a member; its work goes to `reassignTo`:
 * 1. refuse deactivating oneself, an unknown or deactivated member, or handing work to anyone but another
 *    active member;
 * 2. disable the user in the directory and sign it out everywhere (idempotent, so a retry after a failed
 *    step 3 completes);
 * 3. mark the item `deactivated` with member.deactivated, checking in the same transaction that
 *    `reassignTo` is still active. Each capability moves its own records on that event.
 * The member item stays: its name stays on the history it wrote.
 */
export async function deactivateMember(
  { store, clock, directory }: TeamDeps,
  by: AuthContext,
  memberId: string,
  reassignTo: string | undefined,
): Promise<Member> {
  const workspaceId = by.workspaceId;
  if (memberId === by.userId) throw new ConflictError('member.cannot_deactivate_self');
  const current = await getMember(store, workspaceId, memberId);
  if (current.status === 'deactivated') throw new ConflictError('member.already_deactivated');
  const heir =
    reassignTo === undefined || reassignTo === memberId
      ? undefined
      : await findMember(store, workspaceId, reassignTo);
  if (!reassignTo || heir?.status !== 'active') throw notAnActiveMember('reassignTo');
  await directory.disableUser(memberId);
  const now = clock();
  const next: Member = {
    ...current,
    status: 'deactivated',
    deactivatedAt: now.toISOString(),
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  try {
    await writeTransaction(store, [
      {
        Update: {
          TableName: store.tableName,
          Key: teamKeys.member(workspaceId, memberId),
          UpdateExpression:
            'SET #status = :deactivated, deactivatedAt = :now, updatedAt = :now, #version = #version + :one',
          ConditionExpression: 'attribute_exists(pk) AND #status <> :deactivated',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':deactivated': 'deactivated', ':now': next.updatedAt, ':one': 1 },
        },
      },
      activeMemberCheck(store.tableName, workspaceId, reassignTo),
      ...outboxWrite(
        store.tableName,
        workspaceId,
        [
          pendingEvent(MemberDeactivated, {
            memberId,
            email: current.email,
            reassignTo,
            deactivatedBy: by.userId,
          }),
        ],
        now,
      ),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons && failedAt(reasons, 0)) throw new ConflictError('member.already_deactivated');
    if (reasons && failedAt(reasons, 1)) throw notAnActiveMember('reassignTo');
    throw error;
  }
  // this process's API functions check the member again at once; others within a minute
  forgetMemberActivity(store, workspaceId, memberId);
  return next;
}
