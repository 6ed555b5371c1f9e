import { ActionIcon, Anchor, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconUserMinus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import type { ContactList, MembershipSource } from '../../../shared/lists/list';
import { listsRoutes } from '../../../shared/lists/lists-routes';
import { useCan } from '../auth/permissions';
import { ListEmpty } from '../records/list-states';
import { PagedListStates } from '../records/paged-list-states';
import { useCursorPages } from '../records/use-cursor-pages';
import { formatDate } from '../ui/format';
import { useToast } from '../ui/toaster';
import { listMembersQuery, useRemoveListMember } from './list-queries';

const pageSize = 25;

export function sourceLabel(source: MembershipSource): string {
  if (source.kind === 'form') return 'A form';
  if (source.kind === 'preference_page') return 'Their email preferences';
  return 'Added by hand';
}

/** The members of a list, a page at a time, each removable by those who may. */
export function ListMembers({ list }: { list: ContactList }) {
  const titleId = useId();
  const pages = useCursorPages();
  const toast = useToast();
  const canRemove = useCan(listsRoutes.RemoveListMember);
  const remove = useRemoveListMember();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const members = useQuery(listMembersQuery(list.id, { cursor: pages.cursor, limit: pageSize }));

  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Title order={2} size="h4" id={titleId}>
        Members
      </Title>
      <PagedListStates
        query={members}
        pages={pages}
        label="Members"
        empty={
          <ListEmpty
            icon={<IconUsers />}
            title="Nobody on this list yet"
            description="Add contacts from their page, or let a form add everyone who signs up."
          />
        }
      >
        {(page) => (
          // on a phone the table has two columns (when and how go under the name), so the remove button
          // stays on screen instead of past a sideways scroll
          <Table verticalSpacing="sm" layout="fixed" aria-label={`Members of ${list.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Contact</Table.Th>
                {!isPhone && <Table.Th w={140}>Joined</Table.Th>}
                {!isPhone && <Table.Th w={160}>How</Table.Th>}
                {canRemove && <Table.Th w={56}>{''}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map(({ contact, joinedAt, source }) => {
                const name = contactDisplayName(contact);
                return (
                  <Table.Tr key={contact.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600} size="sm">
                        {name}
                      </Anchor>
                      {contact.email && contact.email !== name && (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {contact.email}
                        </Text>
                      )}
                      {isPhone && (
                        <Text size="xs" c="dimmed">
                          {formatDate(joinedAt)} · {sourceLabel(source)}
                        </Text>
                      )}
                    </Table.Td>
                    {!isPhone && (
                      <Table.Td>
                        <Text size="sm">{formatDate(joinedAt)}</Text>
                      </Table.Td>
                    )}
                    {!isPhone && (
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {sourceLabel(source)}
                        </Text>
                      </Table.Td>
                    )}
                    {canRemove && (
                      <Table.Td>
                        <Tooltip label={`Take ${name} off the list`}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Take ${name} off ${list.name}`}
                            loading={remove.isPending && remove.variables?.contactId === contact.id}
                            onClick={() =>
                              remove.mutate(
                                { listId: list.id, contactId: contact.id },
                                { onSuccess: () => toast(`${name} left ${list.name}`) },
                              )
                            }
                          >
                            <IconUserMinus size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </PagedListStates>
    </Stack>
  );
}
