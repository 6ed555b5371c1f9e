import { useLocation, useNavigate } from 'react-router';

export interface CursorPages {
  /** The cursor of the page shown; undefined on the first page. */
  cursor: string | undefined;
  pageNumber: number;
  hasPrevious: boolean;
  next(cursor: string): void;
  previous(): void;
  first(): void;
}

function stateOf(state: unknown): Record<string, unknown> {
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

function cursorsOf(state: unknown, name: string): string[] {
  const cursors = stateOf(state)[name];
  return Array.isArray(cursors)
    ? cursors.filter((cursor): cursor is string => typeof cursor === 'string')
    : [];
}

/**
 * Cursor pagination can only go forward, so the cursors of the pages seen are kept as a stack: "previous"
 * pops one. The stack lives in the history entry, so leaving for a record and coming back keeps the page.
 * A page with two paged lists (a contact's orders and submissions) names each stack.
 */
export function useCursorPages(name = 'cursors'): CursorPages {
  const location = useLocation();
  const navigate = useNavigate();
  const cursors = cursorsOf(location.state, name);
  const go = (next: string[]) =>
    navigate(
      { search: location.search },
      { replace: true, state: { ...stateOf(location.state), [name]: next } },
    );
  return {
    cursor: cursors.at(-1),
    pageNumber: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    next: (cursor) => go([...cursors, cursor]),
    previous: () => go(cursors.slice(0, -1)),
    first: () => go([]),
  };
}
