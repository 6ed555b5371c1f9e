import type { Tag } from '../../../shared/records/record-fields';

export type TagSchema = typeof Tag;

/** A list's tag filter as the API will read it, checked with the API's own `Tag` schema. */
export type TagFilter =
  | { state: 'none' }
  /** The schema is still loading: the list waits rather than send a tag the API may refuse. */
  | { state: 'checking' }
  | { state: 'valid'; tag: string }
  | { state: 'invalid'; message: string };

/**
 * The filter for a tag typed or linked to (`?tag=`). `schema` is undefined while it loads; `'unavailable'`
 * if it could not load, and then the tag goes as typed (the API checks it anyway).
 */
export function tagFilterOf(value: string, schema: TagSchema | 'unavailable' | undefined): TagFilter {
  if (value.trim() === '') return { state: 'none' };
  if (!schema) return { state: 'checking' };
  if (schema === 'unavailable') return { state: 'valid', tag: value.trim().toLowerCase() };
  const result = schema.safeParse(value);
  if (result.success) return { state: 'valid', tag: result.data };
  return { state: 'invalid', message: result.error.issues[0]?.message ?? 'This tag is not valid.' };
}

/** What a list query sends for the filter, and whether it may run yet (not while checking, never invalid). */
export function tagQueryOf(filter: TagFilter): { tag: string | undefined; enabled: boolean } {
  return {
    tag: filter.state === 'valid' ? filter.tag : undefined,
    enabled: filter.state === 'none' || filter.state === 'valid',
  };
}
