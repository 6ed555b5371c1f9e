import { Anchor, Avatar, Button, Grid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../shared/contacts/contact';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { contactsRoutes } from '../../../shared/contacts/contacts-routes';
import { ContactOverviewPanel } from '../activities/contact-overview-panel';
import { Timeline } from '../activities/timeline';
import { useCan } from '../auth/permissions';
import { CompanyName } from '../companies/company-name';
import { CustomFieldList } from '../custom-fields/custom-field-list';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { RecordDeals } from '../deals/record-deals';
import { ContactEmailPreferences } from '../email-settings/contact-email-preferences';
import { ContactLists } from '../lists/contact-lists';
import { ContactCarts } from '../orders/contact-carts';
import { ContactOrders } from '../orders/contact-orders';
import { ConfirmDelete } from '../records/confirm-delete';
import { DetailItem, DetailList, DetailSection } from '../records/detail-section';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { TagBadges } from '../records/tag-badges';
import { RecordTasks } from '../tasks/record-tasks';
import { MemberName } from '../team/member-name';
import { BackLink } from '../ui/back-link';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { PhoneLink } from '../ui/phone-link';
import { useToast } from '../ui/toaster';
import { contactQuery, useDeleteContact } from './contact-queries';

function ContactDetails({ contact }: { contact: Contact }) {
  return (
    <DetailList>
      <DetailItem label="Email">
        {contact.email && <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>}
      </DetailItem>
      <DetailItem label="Phone">{contact.phone && <PhoneLink phone={contact.phone} />}</DetailItem>
      <DetailItem label="Job title">{contact.jobTitle}</DetailItem>
      <DetailItem label="Company">{contact.companyId && <CompanyName id={contact.companyId} />}</DetailItem>
      <DetailItem label="Owner">{contact.ownerId && <MemberName memberId={contact.ownerId} />}</DetailItem>
    </DetailList>
  );
}

export function ContactDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const query = useQuery(contactQuery(id));
  const definitions = useQuery(fieldDefinitionsQuery('contact'));
  const remove = useDeleteContact(id);
  const canEdit = useCan(contactsRoutes.UpdateContact);
  const canDelete = useCan(contactsRoutes.DeleteContact);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError error={query.error} what="contact" backTo="/contacts" onRetry={() => query.refetch()} />
    );
  }
  const contact = query.data;
  const name = contactDisplayName(contact);

  const deleteContact = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast(`${name} deleted`);
        navigate('/contacts', { replace: true });
      },
    });

  return (
    <Stack gap="lg">
      <BackLink to="/contacts">Contacts</BackLink>
      <PageHeader
        leading={<Avatar name={name} color="initials" size="lg" />}
        title={name}
        description={
          contact.jobTitle || contact.companyId ? (
            <>
              {contact.jobTitle}
              {contact.jobTitle && contact.companyId && ' at '}
              {contact.companyId && <CompanyName id={contact.companyId} />}
            </>
          ) : undefined
        }
        actions={
          <>
            {canEdit && (
              <Button
                component={Link}
                to={`/contacts/${contact.id}/edit`}
                leftSection={<IconPencil size={16} />}
              >
                Edit
              </Button>
            )}
            {canDelete && (
              <ConfirmDelete
                what="contact"
                name={name}
                onConfirm={deleteContact}
                pending={remove.isPending}
                error={remove.error}
              />
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <DetailSection title="Details">
              <ContactDetails contact={contact} />
            </DetailSection>
            {definitions.data && definitions.data.length > 0 && (
              <DetailSection title="Custom fields">
                <CustomFieldList definitions={definitions.data} values={contact.customFields} />
              </DetailSection>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <DetailSection title="Tags">
              {contact.tags.length > 0 ? (
                <TagBadges tags={contact.tags} max={25} />
              ) : (
                <Text size="sm" c="dimmed">
                  No tags
                </Text>
              )}
            </DetailSection>
            <ContactOverviewPanel contactId={contact.id} />
            <ContactLists contact={contact} />
            <ContactEmailPreferences contactId={contact.id} />
            <Text size="xs" c="dimmed">
              Created {formatDateTime(contact.createdAt)} · Updated {formatDateTime(contact.updatedAt)}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
      <RecordDeals key={`${contact.id}-deals`} kind="contact" id={contact.id} />
      <RecordTasks key={`${contact.id}-tasks`} kind="contact" id={contact.id} />
      <Timeline key={`${contact.id}-timeline`} owner={{ kind: 'contact', id: contact.id }} />
      <ContactOrders key={contact.id} contactId={contact.id} />
      <ContactCarts key={`${contact.id}-carts`} contactId={contact.id} />
    </Stack>
  );
}
