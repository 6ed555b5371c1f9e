import { Text, type TextProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSessionState } from '../auth/session-store';
import { memberLabel, membersQuery } from './member-queries';

/** A member's name (or email), from the team list the app keeps; "Unknown member" for an id it does not hold. */
export function MemberName({ memberId, ...textProps }: TextProps & { memberId: string }) {
  const members = useQuery(membersQuery());
  const member = members.data?.find((candidate) => candidate.id === memberId);
  return (
    <Text component="span" inherit {...textProps}>
      {member ? memberLabel(member) : members.isPending ? '…' : 'Unknown member'}
      {member?.status === 'deactivated' ? ' (deactivated)' : ''}
    </Text>
  );
}

/** A member's name for a row of work: "Me" for the signed-in user, else its name or email; undefined while unknown. */
export function useMemberNames(): (memberId: string) => string | undefined {
  const { session } = useSessionState();
  const members = useQuery(membersQuery());
  return (memberId) => {
    if (memberId === session?.user.userId) return 'Me';
    const member = members.data?.find((candidate) => candidate.id === memberId);
    return member ? memberLabel(member) : undefined;
  };
}
