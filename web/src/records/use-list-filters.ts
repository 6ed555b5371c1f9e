import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type TagFilter, type TagSchema, tagFilterOf } from './tag-filter';

export interface ListFilters {
  /** What the search box shows right now. */
  searchInput: string;
  /** The search the list uses: the box's text once typing pauses. */
  search: string;
  /** The tag in the URL, as typed. */
  tag: string;
  /** The tag checked with the API's schema: what the list sends, or why it cannot. */
  tagFilter: TagFilter;
  /** Only the records the signed-in member owns (`?owner=me`). */
  mine: boolean;
  setSearchInput(value: string): void;
  setTag(value: string): void;
  setMine(value: boolean): void;
  clear(): void;
  active: boolean;
}

// the schema brings zod along: it loads when a list is first filtered by tag, so list pages stay light
let tagSchema: TagSchema | undefined;
let tagSchemaLoad: Promise<TagSchema> | undefined;

/** Starts loading the tag check early (the tag box gets focus), so applying a tag does not wait. */
export function loadTagSchema(): Promise<TagSchema> {
  tagSchemaLoad ??= import('../../../shared/records/record-fields').then(
    (module) => {
      tagSchema = module.Tag;
      return module.Tag;
    },
    (error: unknown) => {
      tagSchemaLoad = undefined;
      throw error;
    },
  );
  return tagSchemaLoad;
}

function useTagSchema(needed: boolean): TagSchema | 'unavailable' | undefined {
  const [loaded, setLoaded] = useState<TagSchema | 'unavailable' | undefined>(tagSchema);
  useEffect(() => {
    if (!needed || loaded) return;
    let current = true;
    loadTagSchema().then(
      (schema) => current && setLoaded(schema),
      () => current && setLoaded('unavailable'),
    );
    return () => {
      current = false;
    };
  }, [needed, loaded]);
  return tagSchema ?? loaded;
}

/**
 * Search text, tag and "mine" live in the URL (`?q=&tag=&owner=me`), so a shared link, a reload and a trip through
 * sign-in all come back to the same list. Changing a filter drops the page position.
 */
export function useListFilters(): ListFilters {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('q') ?? '';
  const tag = searchParams.get('tag') ?? '';
  const mine = searchParams.get('owner') === 'me';
  const [searchInput, setInput] = useState(search);
  const [appliedSearch, setAppliedSearch] = useState(search);
  if (search !== appliedSearch) {
    // the URL changed under the box (back button, a nav link): show what the list shows
    setAppliedSearch(search);
    if (search !== searchInput.trim()) setInput(search);
  }
  const schema = useTagSchema(tag !== '');

  const update = (name: 'q' | 'tag' | 'owner', value: string) =>
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
    tagFilter: tagFilterOf(tag, schema),
    setSearchInput(value) {
      setInput(value);
      applySearch(value);
    },
    setTag: (value) => update('tag', value.toLowerCase()),
    mine,
    setMine: (value) => update('owner', value ? 'me' : ''),
    clear() {
      setInput('');
      setSearchParams({}, { replace: true });
    },
    active: Boolean(search || tag || mine),
  };
}
