import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { contactListQuery, contactSearchParams } from '../contacts/contact-queries';

/** Choose the contact a new ticket is for, by the start of its name or its email; the API searches. */
export function TicketContactSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange(value: string | null): void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useQuery({
    ...contactListQuery({ ...contactSearchParams(debounced), limit: 10 }),
    staleTime: 30_000,
  });
  const options = (results.data?.items ?? []).map((contact) => ({
    value: contact.id,
    label: contactDisplayName(contact) || contact.id,
  }));
  return (
    <Select
      label="Contact"
      placeholder="Search contacts by name or email"
      required
      searchable
      clearable
      value={value}
      onChange={(next) => onChange(next)}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No contact found'}
      rightSection={results.isFetching ? <Loader size={14} /> : undefined}
    />
  );
}
