import { useQuery } from '@tanstack/react-query';
import { SearchPicker, type SearchPickerOptions, type SearchPickerProps } from '../records/search-picker';
import { companyListQuery, companyQuery } from './company-queries';

/** Choose a company by typing the start of its name; the API does the search. */
export function CompanyPicker({ label = 'Company', ...pickerProps }: SearchPickerProps) {
  return (
    <SearchPicker
      placeholder="Search companies"
      nothingFoundMessage="No company starts with that"
      {...pickerProps}
      label={label}
      useOptions={useCompanyOptions}
    />
  );
}

function useCompanyOptions(value: string | null, search: string): SearchPickerOptions {
  const selected = useQuery({ ...companyQuery(value ?? ''), enabled: Boolean(value) });
  const results = useQuery({ ...companyListQuery({ q: search || undefined, limit: 10 }), staleTime: 30_000 });
  return {
    selected: selected.data && { id: selected.data.id, label: selected.data.name },
    found: (results.data?.items ?? []).map((company) => ({ id: company.id, label: company.name })),
    searching: results.isFetching,
  };
}
