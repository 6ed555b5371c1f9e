import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSessionState } from '../auth/session-store';
import { assignableMembersQuery } from './task-queries';

type AssigneeSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange(value: string | null): void;
};

/**
 * Whom a task is for: the workspace's active members (GET /api/settings/members), the user first as "Me".
 * Without a members route (404), "Me" is the only choice.
 */
export function AssigneeSelect({ value, onChange, label = 'Assignee', ...inputProps }: AssigneeSelectProps) {
  const me = useSessionState().session?.user;
  const members = useQuery(assignableMembersQuery());
  const options = new Map<string, string>();
  if (me) options.set(me.userId, `Me (${me.email})`);
  for (const member of members.data ?? []) {
    if (!options.has(member.id))
      options.set(member.id, member.name ? `${member.name} (${member.email})` : member.email);
  }
  // a task assigned to someone the list does not (or no longer) hold keeps showing whom
  if (value && !options.has(value)) options.set(value, members.isPending ? 'Loading…' : 'A former member');
  return (
    <Select
      {...inputProps}
      label={label}
      searchable
      allowDeselect={false}
      value={value}
      onChange={(next) => onChange(next)}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      nothingFoundMessage="No member found"
      error={inputProps.error ?? (members.isError ? 'The team could not be loaded.' : undefined)}
    />
  );
}

/** A member's name as a task row shows it, from the members list when it is loaded. */
export function useAssigneeName(): (memberId: string) => string | undefined {
  const me = useSessionState().session?.user;
  const members = useQuery(assignableMembersQuery());
  return (memberId) => {
    if (me?.userId === memberId) return 'Me';
    const member = members.data?.find((candidate) => candidate.id === memberId);
    return member ? (member.name ?? member.email) : undefined;
  };
}
