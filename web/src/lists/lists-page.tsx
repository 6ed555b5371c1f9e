import { Stack, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ContactList } from '../../../shared/lists/list';
import { listsRoutes } from '../../../shared/lists/lists-routes';
import { useCan } from '../auth/permissions';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { type SettingsColumn, SettingsList } from '../records/settings-list';
import { formatDate } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { NewListButton } from './list-form';
import { lists } from './list-queries';

const columns: SettingsColumn<ContactList>[] = [
  {
    header: 'Description',
    cell: (list) => (
      <Text size="sm" c={list.description ? undefined : 'dimmed'} truncate>
        {list.description ?? '—'}
      </Text>
    ),
  },
  {
    header: 'Created',
    cell: (list) => (
      <Text size="sm" c="dimmed">
        {formatDate(list.createdAt)}
      </Text>
    ),
  },
];

export function ListsPage() {
  const query = useQuery(lists.listQuery());
  const canCreate = useCan(listsRoutes.CreateList);
  const newList = canCreate && <NewListButton />;
  return (
    <Stack gap="lg" maw={1080}>
      <PageHeader
        title="Lists"
        description="Groups of contacts people join and leave: newsletters, event guests, beta testers."
        actions={newList}
      />
      {query.isPending ? (
        <ListSkeleton rows={3} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.length === 0 ? (
        <ListEmpty
          icon={<IconListDetails />}
          title="No lists yet"
          description={
            canCreate
              ? 'Create a list, then add contacts from their page, or let a form add everyone who signs up.'
              : 'An admin or marketer of your workspace can create them.'
          }
          action={newList}
        />
      ) : (
        <SettingsList
          items={query.data}
          label="Lists"
          keyOf={(list) => list.id}
          titleOf={(list) => list.name}
          linkOf={(list) => `/lists/${list.id}`}
          columns={columns}
          minWidth={480}
        />
      )}
    </Stack>
  );
}
