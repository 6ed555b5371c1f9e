import { Button, Group, Stack, Title } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import type { Company } from '../../../shared/companies/company';
import { contactsRoutes } from '../../../shared/contacts/contacts-routes';
import { useCan } from '../auth/permissions';
import { ContactList } from '../contacts/contact-list';
import { contactListQuery } from '../contacts/contact-queries';
import { CursorPager } from '../records/cursor-pager';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import classes from '../records/record-list.module.css';
import { useCursorPages } from '../records/use-cursor-pages';

const pageSize = 10;

/** A new contact with this company already filled in. */
function AddContactAtCompany({ company }: { company: Company }) {
  return (
    <Button
      variant="light"
      component={Link}
      to={`/contacts/new?companyId=${company.id}`}
      leftSection={<IconUserPlus size={16} />}
    >
      Add a contact at {company.name}
    </Button>
  );
}

/** The people linked to a company, newest first, a page at a time. */
export function CompanyContacts({ company }: { company: Company }) {
  const titleId = useId();
  const pages = useCursorPages();
  const canAddContact = useCan(contactsRoutes.CreateContact);
  const list = useQuery(contactListQuery({ companyId: company.id, cursor: pages.cursor, limit: pageSize }));
  const addContact = canAddContact && <AddContactAtCompany company={company} />;
  const hasContacts = Boolean(list.data && list.data.items.length > 0);

  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2} size="h4" id={titleId}>
          Contacts
        </Title>
        {hasContacts && addContact}
      </Group>
      {list.isPending ? (
        <ListSkeleton rows={3} />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} onRestart={pages.first} />
      ) : list.data.items.length === 0 ? (
        <ListEmpty
          icon={<IconUsers />}
          title={`No contacts at ${company.name} yet`}
          description="People linked to this company appear here."
          action={addContact}
        />
      ) : (
        <div className={list.isPlaceholderData ? classes.fetching : undefined} aria-busy={list.isFetching}>
          <ContactList contacts={list.data.items} label={`Contacts at ${company.name}`} showCompany={false} />
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
