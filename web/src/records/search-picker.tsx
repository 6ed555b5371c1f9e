import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

export type SearchPickerProps = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'
> & {
  value: string | null;
  onChange(value: string | null): void;
};

/** What a record picker shows: the picked record (once read) and the API's answers to the typed text. */
export interface SearchPickerOptions {
  selected?: { id: string; label: string } | undefined;
  found: readonly { id: string; label: string }[];
  searching: boolean;
}

/**
 * A Select over records the API searches (contacts, companies): the typed text, trimmed and debounced, goes
 * to `useOptions`; the picked record stays shown whatever the search found.
 */
export function SearchPicker({
  value,
  onChange,
  useOptions,
  nothingFoundMessage,
  ...selectProps
}: SearchPickerProps & {
  /** A hook (the same one on every render) from the picked id and the search text to the options. */
  useOptions(value: string | null, search: string): SearchPickerOptions;
}) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const { selected, found, searching } = useOptions(value, debouncedSearch);

  const options = new Map<string, string>();
  if (selected) options.set(selected.id, selected.label);
  for (const record of found) options.set(record.id, record.label);

  return (
    <Select
      {...selectProps}
      searchable
      clearable
      value={value}
      onChange={(next) => onChange(next)}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      // the API already searched
      filter={({ options: all }) => all}
      nothingFoundMessage={searching ? 'Searching…' : nothingFoundMessage}
      rightSection={searching ? <Loader size={14} /> : undefined}
    />
  );
}
