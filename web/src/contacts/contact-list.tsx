import { Anchor, Avatar, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contacts/contact';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { CompanyName } from '../companies/company-name';
import classes from '../records/record-list.module.css';
import { TagBadges } from '../records/tag-badges';
import { MemberName } from '../team/member-name';
import { formatDate } from '../ui/format';

interface ContactListProps {
  contacts: Contact[];
  /** Names the list for screen readers (the card list on phones). */
  label: string;
  /** Tag badges become buttons that filter the list. */
  onTag?(tag: string): void;
  /** Off where every contact has the same company (a company's page). */
  showCompany?: boolean;
}

function ContactTable({ contacts, onTag, showCompany }: Omit<ContactListProps, 'label'>) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={showCompany ? 880 : 720}>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              {showCompany && <Table.Th>Company</Table.Th>}
              <Table.Th>Owner</Table.Th>
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
                  {showCompany && (
                    <Table.Td>{contact.companyId && <CompanyName id={contact.companyId} />}</Table.Td>
                  )}
                  <Table.Td>
                    {contact.ownerId && <MemberName memberId={contact.ownerId} size="sm" />}
                  </Table.Td>
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

function ContactCards({ contacts, label, showCompany }: ContactListProps) {
  return (
    <Stack gap="xs" component="ul" className={classes.list} aria-label={label}>
      {contacts.map((contact) => {
        const name = contactDisplayName(contact);
        const companyId = showCompany ? contact.companyId : undefined;
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
                  {(contact.jobTitle || companyId) && (
                    <Text size="sm" truncate>
                      {contact.jobTitle}
                      {contact.jobTitle && companyId && ' · '}
                      {companyId && <CompanyName id={companyId} link={false} />}
                    </Text>
                  )}
                  {contact.ownerId && (
                    <Text size="xs" c="dimmed" truncate>
                      Owner: <MemberName memberId={contact.ownerId} />
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

/** Contacts as a table, or as a list of cards on a phone. */
export function ContactList({ showCompany = true, ...props }: ContactListProps) {
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  return isPhone ? (
    <ContactCards {...props} showCompany={showCompany} />
  ) : (
    <ContactTable {...props} showCompany={showCompany} />
  );
}
