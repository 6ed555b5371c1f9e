import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSessionState } from '../auth/session-store';
import { memberLabel, membersQuery } from './member-queries';

export type MemberPickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  /** Members that may not be picked (the member being deactivated). */
  exclude?: readonly string[];
};

/**
 * Pick an active member of the workspace (an owner, an assignee, who takes over work): the signed-in user
 * first as "Me". A value that is no longer active (a deactivated owner) stays shown until changed.
 */
export function MemberPicker({ label, value, onChange, exclude = [], ...selectProps }: MemberPickerProps) {
  const members = useQuery(membersQuery());
  const { session } = useSessionState();
  const me = session?.user.userId;
  const options = (members.data ?? [])
    .filter((member) => (member.status === 'active' || member.id === value) && !exclude.includes(member.id))
    .map((member) => ({
      value: member.id,
      label: `${memberLabel(member)}${member.id === me ? ' (me)' : ''}${member.status === 'deactivated' ? ' (deactivated)' : ''}`,
    }))
    .sort((a, b) => Number(b.value === me) - Number(a.value === me));
  return (
    <Select
      searchable
      clearable
      placeholder={members.isPending ? 'Loading the team…' : 'Pick a member'}
      nothingFoundMessage="No active member by that name"
      {...selectProps}
      label={label}
      value={value}
      onChange={(next) => onChange(next)}
      data={options}
    />
  );
}
