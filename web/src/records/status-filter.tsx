import { Select } from '@mantine/core';
import { useSearchParams } from 'react-router';

/**
 * A log's status filter, kept in the URL (`?status=`) so a link or a reload shows the same entries.
 * Changing it starts again from the first page (the page cursors live in the history entry it replaces).
 */
export function useStatusFilter<Status extends string>(
  statuses: readonly Status[],
): [Status | undefined, (status: Status | undefined) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const value = searchParams.get('status');
  const status = statuses.find((candidate) => candidate === value);
  const setStatus = (next: Status | undefined) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (next) params.set('status', next);
        else params.delete('status');
        return params;
      },
      { replace: true },
    );
  return [status, setStatus];
}

export function StatusFilter<Status extends string>({
  label,
  labels,
  value,
  onChange,
}: {
  label: string;
  labels: Record<Status, string>;
  value: Status | undefined;
  onChange(status: Status | undefined): void;
}) {
  const all = 'all';
  return (
    <Select
      label={label}
      w={{ base: '100%', xs: 220 }}
      allowDeselect={false}
      data={[
        { value: all, label: 'All' },
        ...Object.entries<string>(labels).map(([status, text]) => ({ value: status, label: text })),
      ]}
      value={value ?? all}
      onChange={(next) => onChange(next && next !== all ? (next as Status) : undefined)}
    />
  );
}
