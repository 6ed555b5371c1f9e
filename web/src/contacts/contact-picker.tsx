import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { contactListQuery, contactQuery, contactSearchParams } from './contact-queries';

type ContactPickerProps = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'
> & {
  value: string | null;
  onChange(value: string | null): void;
};

/** Choose a contact by typing the start of its name or its email; the API does the search. */
export function ContactPicker({ value, onChange, label = 'Contact', ...inputProps }: ContactPickerProps) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const selected = useQuery({ ...contactQuery(value ?? ''), enabled: Boolean(value) });
  const results = useQuery({
    ...contactListQuery({ ...contactSearchParams(debouncedSearch), limit: 10 }),
    staleTime: 30_000,
  });

  const options = new Map<string, string>();
  if (selected.data) options.set(selected.data.id, contactDisplayName(selected.data) || selected.data.id);
  for (const contact of results.data?.items ?? [])
    options.set(contact.id, contactDisplayName(contact) || contact.id);

  return (
    <Select
      label={label}
      placeholder="Search contacts"
      {...inputProps}
      searchable
      clearable
      value={value}
      onChange={(next) => onChange(next)}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      // the API already searched
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No contact found'}
      rightSection={results.isFetching ? <Loader size={14} /> : undefined}
    />
  );
}
