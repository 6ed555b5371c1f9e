import { Button, Stack } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { contactsRoutes } from '../../../shared/contacts/contacts-routes';
import { useCan } from '../auth/permissions';
import { useSessionState } from '../auth/session-store';
import { CursorPager } from '../records/cursor-pager';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { ListToolbar } from '../records/list-toolbar';
import classes from '../records/record-list.module.css';
import { tagQueryOf } from '../records/tag-filter';
import { useCursorPages } from '../records/use-cursor-pages';
import { useListFilters } from '../records/use-list-filters';
import { PageHeader } from '../ui/page-header';
import { ContactList } from './contact-list';
import { contactListQuery, contactSearchParams } from './contact-queries';

export function ContactsPage() {
  const filters = useListFilters();
  const pages = useCursorPages();
  const canCreate = useCan(contactsRoutes.CreateContact);
  const tagQuery = tagQueryOf(filters.tagFilter);
  const badTag = filters.tagFilter.state === 'invalid';
  const me = useSessionState().session?.user.userId;
  const list = useQuery({
    ...contactListQuery({
      ...(filters.mine ? { ownerId: me } : contactSearchParams(filters.search)),
      tag: tagQuery.tag,
      cursor: pages.cursor,
    }),
    enabled: tagQuery.enabled,
  });

  const newContact = canCreate && (
    <Button component={Link} to="/contacts/new" leftSection={<IconPlus size={16} />}>
      New contact
    </Button>
  );
  const noMatch = (description: string) => (
    <ListEmpty
      icon={<IconUsers />}
      title="No contacts match"
      description={description}
      action={
        <Button variant="default" onClick={filters.clear}>
          Clear filters
        </Button>
      }
    />
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Contacts"
        description="The people behind your deals and conversations"
        actions={newContact}
      />
      <ListToolbar
        filters={filters}
        searchLabel="Search contacts"
        searchPlaceholder="Search by name, or an exact email"
        ownedLabel="Whose contacts"
      />
      {badTag ? (
        noMatch('Fix or clear the tag filter above.')
      ) : list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} onRestart={pages.first} />
      ) : list.data.items.length === 0 ? (
        filters.active ? (
          noMatch('Names match from their start; emails must match exactly.')
        ) : (
          <ListEmpty
            icon={<IconUsers />}
            title="No contacts yet"
            description="Add the people you talk to; link them to their company as you go."
            action={newContact}
          />
        )
      ) : (
        <div className={list.isPlaceholderData ? classes.fetching : undefined} aria-busy={list.isFetching}>
          <ContactList contacts={list.data.items} label="Contacts" onTag={filters.setTag} />
        </div>
      )}
      {list.data && !badTag && (
        <CursorPager
          pages={pages}
          nextCursor={list.data.nextCursor}
          loading={list.isPlaceholderData}
          label="Contacts"
        />
      )}
    </Stack>
  );
}
