import { Avatar, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { companiesRoutes } from '../../../shared/companies/companies-routes';
import type { Company } from '../../../shared/companies/company';
import { useCan } from '../auth/permissions';
import { useSessionState } from '../auth/session-store';
import { CursorPager } from '../records/cursor-pager';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { ListToolbar } from '../records/list-toolbar';
import classes from '../records/record-list.module.css';
import { TagBadges } from '../records/tag-badges';
import { tagQueryOf } from '../records/tag-filter';
import { useCursorPages } from '../records/use-cursor-pages';
import { useListFilters } from '../records/use-list-filters';
import { MemberName } from '../team/member-name';
import { countryName } from '../ui/country-names';
import { formatDate } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { companyListQuery } from './company-queries';

const locationOf = (company: Company) =>
  [company.city, countryName(company.country)].filter(Boolean).join(', ');

function CompanyTable({ companies, onTag }: { companies: Company[]; onTag(tag: string): void }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={840}>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Industry</Table.Th>
              <Table.Th>Location</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Tags</Table.Th>
              <Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {companies.map((company) => (
              <Table.Tr key={company.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar name={company.name} color="initials" radius="md" size={32} />
                    <div>
                      <Text
                        component={Link}
                        to={`/companies/${company.id}`}
                        className={classes.nameLink}
                        size="sm"
                      >
                        {company.name}
                      </Text>
                      {company.domain && (
                        <Text size="xs" c="dimmed">
                          {company.domain}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>{company.industry}</Table.Td>
                <Table.Td>{locationOf(company)}</Table.Td>
                <Table.Td>{company.ownerId && <MemberName memberId={company.ownerId} size="sm" />}</Table.Td>
                <Table.Td>
                  <TagBadges tags={company.tags} onSelect={onTag} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatDate(company.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function CompanyCards({ companies }: { companies: Company[] }) {
  return (
    <Stack gap="xs" component="ul" className={classes.list} aria-label="Companies">
      {companies.map((company) => (
        <li key={company.id}>
          <Paper
            component={Link}
            to={`/companies/${company.id}`}
            withBorder
            radius="md"
            p="sm"
            className={classes.card}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Avatar name={company.name} color="initials" radius="md" />
              <Stack gap={2} miw={0} flex={1}>
                <Text fw={600} truncate>
                  {company.name}
                </Text>
                <Text size="sm" c="dimmed" truncate>
                  {[company.industry, locationOf(company)].filter(Boolean).join(' · ') || company.domain}
                </Text>
                {company.ownerId && (
                  <Text size="xs" c="dimmed" truncate>
                    Owner: <MemberName memberId={company.ownerId} />
                  </Text>
                )}
                <TagBadges tags={company.tags} />
              </Stack>
            </Group>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}

export function CompaniesPage() {
  const filters = useListFilters();
  const pages = useCursorPages();
  const canCreate = useCan(companiesRoutes.CreateCompany);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const tagQuery = tagQueryOf(filters.tagFilter);
  const me = useSessionState().session?.user.userId;
  const badTag = filters.tagFilter.state === 'invalid';
  const list = useQuery({
    ...companyListQuery({
      ...(filters.mine ? { ownerId: me } : { q: filters.search || undefined }),
      tag: tagQuery.tag,
      cursor: pages.cursor,
    }),
    enabled: tagQuery.enabled,
  });

  const newCompany = canCreate && (
    <Button component={Link} to="/companies/new" leftSection={<IconPlus size={16} />}>
      New company
    </Button>
  );
  const noMatch = (description: string) => (
    <ListEmpty
      icon={<IconBuildingSkyscraper />}
      title="No companies match"
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
      <PageHeader title="Companies" description="Organisations your team works with" actions={newCompany} />
      <ListToolbar
        filters={filters}
        searchLabel="Search companies"
        searchPlaceholder="Search by name"
        ownedLabel="Whose companies"
      />
      {badTag ? (
        noMatch('Fix or clear the tag filter above.')
      ) : list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} onRestart={pages.first} />
      ) : list.data.items.length === 0 ? (
        filters.active ? (
          noMatch('Try another name or tag.')
        ) : (
          <ListEmpty
            icon={<IconBuildingSkyscraper />}
            title="No companies yet"
            description="Add the organisations you sell to, partner with or support."
            action={newCompany}
          />
        )
      ) : (
        <div className={list.isPlaceholderData ? classes.fetching : undefined} aria-busy={list.isFetching}>
          {isPhone ? (
            <CompanyCards companies={list.data.items} />
          ) : (
            <CompanyTable companies={list.data.items} onTag={filters.setTag} />
          )}
        </div>
      )}
      {list.data && !badTag && (
        <CursorPager
          pages={pages}
          nextCursor={list.data.nextCursor}
          loading={list.isPlaceholderData}
          label="Companies"
        />
      )}
    </Stack>
  );
}
