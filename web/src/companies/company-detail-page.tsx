import { Anchor, Avatar, Button, Grid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { companiesRoutes } from '../../../shared/companies/companies-routes';
import type { Company } from '../../../shared/companies/company';
import { Timeline } from '../activities/timeline';
import { useCan } from '../auth/permissions';
import { CustomFieldList } from '../custom-fields/custom-field-list';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { RecordDeals } from '../deals/record-deals';
import { ConfirmDelete } from '../records/confirm-delete';
import { DetailItem, DetailList, DetailSection } from '../records/detail-section';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { TagBadges } from '../records/tag-badges';
import { RecordTasks } from '../tasks/record-tasks';
import { MemberName } from '../team/member-name';
import { BackLink } from '../ui/back-link';
import { countryName } from '../ui/country-names';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { PhoneLink } from '../ui/phone-link';
import { useToast } from '../ui/toaster';
import { CompanyContacts } from './company-contacts';
import { companyQuery, useDeleteCompany } from './company-queries';

function CompanyDetails({ company }: { company: Company }) {
  return (
    <DetailList>
      <DetailItem label="Domain">{company.domain}</DetailItem>
      <DetailItem label="Website">
        {company.website && (
          <Anchor href={company.website} target="_blank" rel="noopener noreferrer">
            {company.website}
          </Anchor>
        )}
      </DetailItem>
      <DetailItem label="Industry">{company.industry}</DetailItem>
      <DetailItem label="Phone">{company.phone && <PhoneLink phone={company.phone} />}</DetailItem>
      <DetailItem label="City">{company.city}</DetailItem>
      <DetailItem label="Country">{countryName(company.country)}</DetailItem>
      <DetailItem label="Owner">{company.ownerId && <MemberName memberId={company.ownerId} />}</DetailItem>
    </DetailList>
  );
}

export function CompanyDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const query = useQuery(companyQuery(id));
  const definitions = useQuery(fieldDefinitionsQuery('company'));
  const remove = useDeleteCompany(id);
  const canEdit = useCan(companiesRoutes.UpdateCompany);
  const canDelete = useCan(companiesRoutes.DeleteCompany);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError error={query.error} what="company" backTo="/companies" onRetry={() => query.refetch()} />
    );
  }
  const company = query.data;

  const deleteCompany = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast(`${company.name} deleted`);
        navigate('/companies', { replace: true });
      },
    });

  return (
    <Stack gap="lg">
      <BackLink to="/companies">Companies</BackLink>
      <PageHeader
        leading={<Avatar name={company.name} color="initials" radius="md" size="lg" />}
        title={company.name}
        description={[company.industry, company.domain].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            {canEdit && (
              <Button
                component={Link}
                to={`/companies/${company.id}/edit`}
                leftSection={<IconPencil size={16} />}
              >
                Edit
              </Button>
            )}
            {canDelete && (
              <ConfirmDelete
                what="company"
                name={company.name}
                consequence={<Text size="sm">Its contacts stay, without a company.</Text>}
                onConfirm={deleteCompany}
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
              <CompanyDetails company={company} />
            </DetailSection>
            {definitions.data && definitions.data.length > 0 && (
              <DetailSection title="Custom fields">
                <CustomFieldList definitions={definitions.data} values={company.customFields} />
              </DetailSection>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <DetailSection title="Tags">
              {company.tags.length > 0 ? (
                <TagBadges tags={company.tags} max={25} />
              ) : (
                <Text size="sm" c="dimmed">
                  No tags
                </Text>
              )}
            </DetailSection>
            <Text size="xs" c="dimmed">
              Created {formatDateTime(company.createdAt)} · Updated {formatDateTime(company.updatedAt)}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
      <RecordDeals key={`${company.id}-deals`} kind="company" id={company.id} />
      <RecordTasks key={`${company.id}-tasks`} kind="company" id={company.id} />
      <CompanyContacts key={company.id} company={company} />
      <Timeline key={`${company.id}-timeline`} owner={{ kind: 'company', id: company.id }} />
    </Stack>
  );
}
