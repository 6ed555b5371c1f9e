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

function cursorsOf(state: unknown): string[] {
  if (typeof state !== 'object' || state === null || !('cursors' in state) || !Array.isArray(state.cursors)) {
    return [];
  }
  return state.cursors.filter((cursor): cursor is string => typeof cursor === 'string');
}

/**
 * Cursor pagination can only go forward, so the cursors of the pages seen are kept as a stack: "previous"
 * pops one. The stack lives in the history entry, so leaving for a record and coming back keeps the page.
 */
export function useCursorPages(): CursorPages {
  const location = useLocation();
  const navigate = useNavigate();
  const cursors = cursorsOf(location.state);
  const go = (next: string[]) =>
    navigate({ search: location.search }, { replace: true, state: { cursors: next } });
  return {
    cursor: cursors.at(-1),
    pageNumber: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    next: (cursor) => go([...cursors, cursor]),
    previous: () => go(cursors.slice(0, -1)),
    first: () => go([]),
  };
}
