import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';

export interface ListFilters {
  /** What the search box shows right now. */
  searchInput: string;
  /** The search the list uses: the box's text once typing pauses. */
  search: string;
  tag: string;
  setSearchInput(value: string): void;
  setTag(value: string): void;
  clear(): void;
  active: boolean;
}

/**
 * Search text and tag live in the URL (`?q=&tag=`), so a shared link, a reload and a trip through
 * sign-in all come back to the same list. Changing a filter drops the page position.
 */
export function useListFilters(): ListFilters {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('q') ?? '';
  const tag = searchParams.get('tag') ?? '';
  const [searchInput, setInput] = useState(search);
  const [appliedSearch, setAppliedSearch] = useState(search);
  if (search !== appliedSearch) {
    // the URL changed under the box (back button, a nav link): show what the list shows
    setAppliedSearch(search);
    if (search !== searchInput.trim()) setInput(search);
  }

  const update = (name: 'q' | 'tag', value: string) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value.trim()) next.set(name, value.trim());
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const applySearch = useDebouncedCallback((value: string) => update('q', value), 300);

  return {
    searchInput,
    search,
    tag,
    setSearchInput(value) {
      setInput(value);
      applySearch(value);
    },
    setTag: (value) => update('tag', value.toLowerCase()),
    clear() {
      setInput('');
      setSearchParams({}, { replace: true });
    },
    active: Boolean(search || tag),
  };
}
