import { useQuery } from '@tanstack/react-query';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { SearchPicker, type SearchPickerOptions, type SearchPickerProps } from '../records/search-picker';
import { contactListQuery, contactQuery, contactSearchParams } from './contact-queries';

/** Choose a contact by typing the start of its name or its email; the API does the search. */
export function ContactPicker({ label = 'Contact', ...pickerProps }: SearchPickerProps) {
  return (
    <SearchPicker
      placeholder="Search contacts"
      nothingFoundMessage="No contact found"
      {...pickerProps}
      label={label}
      useOptions={useContactOptions}
    />
  );
}

function useContactOptions(value: string | null, search: string): SearchPickerOptions {
  const selected = useQuery({ ...contactQuery(value ?? ''), enabled: Boolean(value) });
  const results = useQuery({
    ...contactListQuery({ ...contactSearchParams(search), limit: 10 }),
    staleTime: 30_000,
  });
  // a contact without a name or an email still shows as something
  const option = (contact: Parameters<typeof contactDisplayName>[0] & { id: string }) => ({
    id: contact.id,
    label: contactDisplayName(contact) || contact.id,
  });
  return {
    selected: selected.data && option(selected.data),
    found: (results.data?.items ?? []).map(option),
    searching: results.isFetching,
  };
}
