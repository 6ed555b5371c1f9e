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
  /**
   * Offer the signed-in user first as "Me", even while the team loads or cannot be read (whom a task or a
   * ticket is for), instead of listing it among the others with "(me)".
   */
  offerMe?: boolean;
  /** Show a named member's email beside its name, to tell namesakes apart. */
  withEmail?: boolean;
};

/**
 * Pick an active member of the workspace (an owner, an assignee, who takes over work): the signed-in user
 * first. A value that is no longer active (a deactivated owner) stays shown until changed.
 */
export function MemberPicker({
  label,
  value,
  onChange,
  exclude = [],
  offerMe = false,
  withEmail = false,
  ...selectProps
}: MemberPickerProps) {
  const members = useQuery(membersQuery());
  const { session } = useSessionState();
  const me = session?.user;
  const options = new Map<string, string>();
  if (offerMe && me && !exclude.includes(me.userId)) options.set(me.userId, `Me (${me.email})`);
  const sorted = [...(members.data ?? [])].sort(
    (a, b) => Number(b.id === me?.userId) - Number(a.id === me?.userId),
  );
  for (const member of sorted) {
    if (options.has(member.id) || exclude.includes(member.id)) continue;
    if (member.status !== 'active' && member.id !== value) continue;
    const name = withEmail && member.name ? `${member.name} (${member.email})` : memberLabel(member);
    options.set(
      member.id,
      `${name}${member.id === me?.userId ? ' (me)' : ''}${member.status === 'deactivated' ? ' (deactivated)' : ''}`,
    );
  }
  // a record held by someone the team list does not hold keeps showing that it is held
  if (value && !options.has(value)) options.set(value, members.isPending ? 'Loading…' : 'A former member');
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
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      error={selectProps.error ?? (members.isError ? 'The team could not be loaded.' : undefined)}
    />
  );
}
