import { NotFoundError } from '../platform/errors';
import { type Item, withoutKeys } from '../records/record-store';
import { GetCommand } from '../store/document-client';
import { queryAllWithPrefix } from '../store/queries';
import type { Store } from '../store/store';
import { memberIdPattern } from './active-member-check';
import type { Member } from './member';
import { teamKeys } from './team-keys';

/** The stored item of a member, in the workspace's settings partition. */
export function memberItem(workspaceId: string, member: Member): Item {
  return { ...teamKeys.member(workspaceId, member.id), entity: 'member', ...member };
}

export const memberFromItem = (item: Item): Member => withoutKeys<Member>(item);

/** The members of a workspace, by name or email: one Query of its settings partition (teams are small). */
export async function listMembers(store: Store, workspaceId: string): Promise<Member[]> {
  const items = await queryAllWithPrefix(store, teamKeys.membersPrefix(workspaceId));
  const label = (member: Member) => (member.name ?? member.email).toLowerCase();
  return items.map(memberFromItem).sort((a, b) => label(a).localeCompare(label(b)));
}

/** One member (strongly consistent), or undefined. */
export async function findMember(store: Store, workspaceId: string, memberId: string) {
  if (!memberIdPattern.test(memberId)) return undefined;
  const { Item: item } = await store.client.send(
    new GetCommand({
      TableName: store.tableName,
      Key: teamKeys.member(workspaceId, memberId),
      ConsistentRead: true,
    }),
  );
  return item ? memberFromItem(item) : undefined;
}

export async function getMember(store: Store, workspaceId: string, memberId: string): Promise<Member> {
  const member = await findMember(store, workspaceId, memberId);
  if (!member) throw new NotFoundError('member.not_found');
  return member;
}
