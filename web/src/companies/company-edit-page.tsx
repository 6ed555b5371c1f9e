import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { LoadError } from '../records/list-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { CompanyForm } from './company-form';
import { companyPatchOf } from './company-form-values';
import { companyQuery, useUpdateCompany } from './company-queries';

export function CompanyEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  // fresh when editing starts, then never swapped under the user's edits
  const query = useQuery({
    ...companyQuery(id),
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const definitions = useQuery(fieldDefinitionsQuery('company'));
  const update = useUpdateCompany(id);

  if (query.isPending || definitions.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError error={query.error} what="company" backTo="/companies" onRetry={() => query.refetch()} />
    );
  }
  if (definitions.isError)
    return <LoadError error={definitions.error} onRetry={() => definitions.refetch()} />;
  const company = query.data;

  return (
    <Stack gap="lg" maw={880}>
      <BackLink to={`/companies/${company.id}`}>{company.name}</BackLink>
      <PageHeader title={`Edit ${company.name}`} />
      <CompanyForm
        // a newer version (after "load the latest") starts the form afresh
        key={company.version}
        company={company}
        definitions={definitions.data}
        cancelTo={`/companies/${company.id}`}
        submitLabel="Save changes"
        onReload={() => query.refetch()}
        onSave={async (values) => {
          const patch = companyPatchOf(company, values, definitions.data);
          if (Object.keys(patch).length > 0) {
            const saved = await update.mutateAsync({ version: company.version, patch });
            toast(`${saved.name} saved`);
          }
          navigate(`/companies/${company.id}`);
        }}
      />
    </Stack>
  );
}
