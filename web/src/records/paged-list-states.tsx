import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../../../shared/records/record-fields';
import { CursorPager } from './cursor-pager';
import { ListSkeleton, LoadError } from './list-states';
import classes from './record-list.module.css';
import type { CursorPages } from './use-cursor-pages';

/**
 * A cursor-paged list in its states: loading, failed (a stale cursor offers the first page), empty, or
 * the page (dimmed while the next one loads), then the pager.
 */
export function PagedListStates<P extends Page<unknown>>({
  query,
  pages,
  label,
  empty,
  isEmpty = (page) => page.items.length === 0,
  skeletonRows = 3,
  children,
}: {
  query: UseQueryResult<P>;
  pages: CursorPages;
  /** Names the pager for screen readers ("<label> pages"). */
  label: string;
  empty: ReactNode;
  isEmpty?(page: P): boolean;
  skeletonRows?: number;
  children(page: P): ReactNode;
}) {
  return (
    <>
      {query.isPending ? (
        <ListSkeleton rows={skeletonRows} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} onRestart={pages.first} />
      ) : isEmpty(query.data) ? (
        empty
      ) : (
        <div className={query.isPlaceholderData ? classes.fetching : undefined} aria-busy={query.isFetching}>
          {children(query.data)}
        </div>
      )}
      {query.data && (
        <CursorPager
          pages={pages}
          nextCursor={query.data.nextCursor}
          loading={query.isPlaceholderData}
          label={label}
        />
      )}
    </>
  );
}
