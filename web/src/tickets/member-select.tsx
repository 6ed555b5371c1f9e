import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSessionState } from '../auth/session-store';
import { membersQuery } from './ticket-queries';

type MemberSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange(value: string | null): void;
};

/**
 * Picks an assignee among the workspace's active members. The signed-in user is always offered ("Me"),
 * so a ticket can be taken while the team list is loading or cannot be read.
 */
export function MemberSelect({ value, onChange, label = 'Assignee', ...inputProps }: MemberSelectProps) {
  const { session } = useSessionState();
  const members = useQuery(membersQuery());
  const me = session?.user.userId;
  const options = new Map<string, string>();
  if (me) options.set(me, 'Me');
  for (const member of members.data?.items ?? []) {
    if (member.status !== 'active' || member.id === me) continue;
    options.set(member.id, member.name ?? member.email);
  }
  if (value && !options.has(value)) options.set(value, 'A former member');
  return (
    <Select
      {...inputProps}
      label={label}
      placeholder="Unassigned"
      clearable
      value={value}
      onChange={(next) => onChange(next)}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
    />
  );
}

/** A member's name for display: "Me", the member's name or email, or "Unassigned". */
export function useMemberName(): (memberId: string | undefined) => string {
  const { session } = useSessionState();
  const members = useQuery(membersQuery());
  return (memberId) => {
    if (!memberId) return 'Unassigned';
    if (memberId === session?.user.userId) return 'Me';
    const member = members.data?.items.find((candidate) => candidate.id === memberId);
    return member ? (member.name ?? member.email) : 'A member';
  };
}
