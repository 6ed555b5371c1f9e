import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../ui/page-header';
import { ListEmpty, ListSkeleton, LoadError } from './list-states';
import classes from './record-list.module.css';

export interface SettingsColumn<Item> {
  header: string;
  cell(item: Item): ReactNode;
}

/**
 * Settings records (forms, shops, webhooks) as a table whose first column links to the record, or as a
 * list of cards on a phone with the other columns as labelled lines.
 */
interface SettingsListProps<Item> {
  /** Names the list for screen readers. */
  label: string;
  keyOf(item: Item): string;
  titleOf(item: Item): string;
  linkOf(item: Item): string;
  subtitleOf?(item: Item): ReactNode;
  columns: readonly SettingsColumn<Item>[];
  minWidth?: number;
}

export function SettingsList<Item>({
  items,
  label,
  keyOf,
  titleOf,
  linkOf,
  subtitleOf,
  columns,
  minWidth = 640,
}: SettingsListProps<Item> & { items: readonly Item[] }) {
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  if (isPhone) {
    return (
      <Stack gap="xs" component="ul" className={classes.list} aria-label={label}>
        {items.map((item) => (
          <li key={keyOf(item)}>
            <Paper component={Link} to={linkOf(item)} withBorder radius="md" p="sm" className={classes.card}>
              <Stack gap={4} miw={0}>
                <Text fw={600} truncate>
                  {titleOf(item)}
                </Text>
                {subtitleOf && (
                  <Text size="sm" c="dimmed" truncate component="div">
                    {subtitleOf(item)}
                  </Text>
                )}
                {columns.map((column) => (
                  <Group key={column.header} gap={6} wrap="nowrap" miw={0}>
                    <Text size="xs" c="dimmed" miw={88}>
                      {column.header}
                    </Text>
                    <Text size="sm" component="div" miw={0} truncate>
                      {column.cell(item)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth}>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={keyOf(item)}>
                <Table.Td>
                  <Text component={Link} to={linkOf(item)} className={classes.nameLink} size="sm">
                    {titleOf(item)}
                  </Text>
                  {subtitleOf && (
                    <Text size="xs" c="dimmed" component="div">
                      {subtitleOf(item)}
                    </Text>
                  )}
                </Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column.header}>{column.cell(item)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * A settings page listing one kind of record: its header with the "new" button for roles that may
 * create, then loading, error, empty (with what to do, or who can) or the list.
 */
export function SettingsListPage<Item>({
  title,
  description,
  query,
  create,
  empty,
  ...list
}: SettingsListProps<Item> & {
  title: string;
  description: string;
  query: UseQueryResult<Item[]>;
  /** The "new" button; absent for roles that may not create. */
  create: { label: string; to: string } | undefined;
  empty: { icon: ReactNode; title: string; description: string; readOnlyDescription: string };
}) {
  const newButton = create && (
    <Button component={Link} to={create.to} leftSection={<IconPlus size={16} />}>
      {create.label}
    </Button>
  );
  return (
    <Stack gap="lg" maw={1080}>
      <PageHeader title={title} description={description} actions={newButton} />
      {query.isPending ? (
        <ListSkeleton rows={3} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.length === 0 ? (
        <ListEmpty
          icon={empty.icon}
          title={empty.title}
          description={create ? empty.description : empty.readOnlyDescription}
          action={newButton}
        />
      ) : (
        <SettingsList items={query.data} {...list} />
      )}
    </Stack>
  );
}
