import { Anchor, Avatar, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contacts/contact';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { useCan } from '../auth/permissions';
import { CompanyName } from '../companies/company-name';
import { CursorPager } from '../records/cursor-pager';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { ListToolbar } from '../records/list-toolbar';
import classes from '../records/record-list.module.css';
import { TagBadges } from '../records/tag-badges';
import { useCursorPages } from '../records/use-cursor-pages';
import { useListFilters } from '../records/use-list-filters';
import { formatDate } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { contactListQuery, contactSearchParams } from './contact-queries';

function ContactTable({ contacts, onTag }: { contacts: Contact[]; onTag(tag: string): void }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Company</Table.Th>
              <Table.Th>Tags</Table.Th>
              <Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((contact) => {
              const name = contactDisplayName(contact);
              return (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Avatar name={name} color="initials" size={32} />
                      <div>
                        <Text
                          component={Link}
                          to={`/contacts/${contact.id}`}
                          className={classes.nameLink}
                          size="sm"
                        >
                          {name}
                        </Text>
                        {contact.jobTitle && (
                          <Text size="xs" c="dimmed">
                            {contact.jobTitle}
                          </Text>
                        )}
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {contact.email && (
                      <Anchor href={`mailto:${contact.email}`} size="sm" c="dimmed">
                        {contact.email}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{contact.companyId && <CompanyName id={contact.companyId} />}</Table.Td>
                  <Table.Td>
                    <TagBadges tags={contact.tags} onSelect={onTag} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatDate(contact.updatedAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ContactCards({ contacts }: { contacts: Contact[] }) {
  return (
    <Stack gap="xs" component="ul" className={classes.list} aria-label="Contacts">
      {contacts.map((contact) => {
        const name = contactDisplayName(contact);
        return (
          <li key={contact.id}>
            <Paper
              component={Link}
              to={`/contacts/${contact.id}`}
              withBorder
              radius="md"
              p="sm"
              className={classes.card}
            >
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Avatar name={name} color="initials" />
                <Stack gap={2} miw={0} flex={1}>
                  <Text fw={600} truncate>
                    {name}
                  </Text>
                  {contact.email && name !== contact.email && (
                    <Text size="sm" c="dimmed" truncate>
                      {contact.email}
                    </Text>
                  )}
                  {contact.companyId && (
                    <Text size="sm" truncate>
                      <CompanyName id={contact.companyId} link={false} />
                    </Text>
                  )}
                  <TagBadges tags={contact.tags} />
                </Stack>
              </Group>
            </Paper>
          </li>
        );
      })}
    </Stack>
  );
}

export function ContactsPage() {
  const filters = useListFilters();
  const pages = useCursorPages();
  const canCreate = useCan('CreateContact');
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const list = useQuery(
    contactListQuery({
      ...contactSearchParams(filters.search),
      tag: filters.tag || undefined,
      cursor: pages.cursor,
    }),
  );

  const newContact = canCreate && (
    <Button component={Link} to="/contacts/new" leftSection={<IconPlus size={16} />}>
      New contact
    </Button>
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
      />
      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} onRestart={pages.first} />
      ) : list.data.items.length === 0 ? (
        filters.active ? (
          <ListEmpty
            icon={<IconUsers />}
            title="No contacts match"
            description="Names match from their start; emails must match exactly."
            action={
              <Button variant="default" onClick={filters.clear}>
                Clear filters
              </Button>
            }
          />
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
          {isPhone ? (
            <ContactCards contacts={list.data.items} />
          ) : (
            <ContactTable contacts={list.data.items} onTag={filters.setTag} />
          )}
        </div>
      )}
      {list.data && (
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
