import { useQuery } from '@tanstack/react-query';
import { SearchPicker, type SearchPickerOptions, type SearchPickerProps } from '../records/search-picker';
import { dealListQuery, dealQuery } from './deal-queries';

/** Choose an open deal by typing words of its name; the API does the search. */
export function DealPicker({ label = 'Deal', ...pickerProps }: SearchPickerProps) {
  return (
    <SearchPicker
      placeholder="Search open deals"
      nothingFoundMessage="No open deal by that name"
      {...pickerProps}
      label={label}
      useOptions={useDealOptions}
    />
  );
}

function useDealOptions(value: string | null, search: string): SearchPickerOptions {
  const selected = useQuery({ ...dealQuery(value ?? ''), enabled: Boolean(value) });
  const results = useQuery({
    ...dealListQuery({ status: 'open', q: search || undefined, limit: 10 }),
    staleTime: 30_000,
  });
  return {
    selected: selected.data && { id: selected.data.id, label: selected.data.name },
    found: (results.data?.items ?? []).map((deal) => ({ id: deal.id, label: deal.name })),
    searching: results.isFetching,
  };
}
