import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { companyListQuery, companyQuery } from './company-queries';

type CompanyPickerProps = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'
> & {
  value: string | null;
  onChange(value: string | null): void;
};

/** Choose a company by typing the start of its name; the API does the search. */
export function CompanyPicker({ value, onChange, label = 'Company', ...inputProps }: CompanyPickerProps) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const selected = useQuery({ ...companyQuery(value ?? ''), enabled: Boolean(value) });
  const results = useQuery({
    ...companyListQuery({ q: debouncedSearch || undefined, limit: 10 }),
    staleTime: 30_000,
  });

  const options = new Map<string, string>();
  if (selected.data) options.set(selected.data.id, selected.data.name);
  for (const company of results.data?.items ?? []) options.set(company.id, company.name);

  return (
    <Select
      {...inputProps}
      label={label}
      placeholder="Search companies"
      searchable
      clearable
      value={value}
      onChange={(next) => onChange(next)}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      // the API already filtered by name
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No company starts with that'}
      rightSection={results.isFetching ? <Loader size={14} /> : undefined}
    />
  );
}
