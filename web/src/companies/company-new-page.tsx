import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { DetailSkeleton } from '../records/detail-states';
import { LoadError } from '../records/list-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { CompanyForm } from './company-form';
import { companyInputOf } from './company-form-values';
import { useCreateCompany } from './company-queries';

export function CompanyNewPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const definitions = useQuery(fieldDefinitionsQuery('company'));
  const create = useCreateCompany();

  return (
    <Stack gap="lg" maw={880}>
      <BackLink to="/companies">Companies</BackLink>
      <PageHeader title="New company" />
      {definitions.isPending ? (
        <DetailSkeleton />
      ) : definitions.isError ? (
        <LoadError error={definitions.error} onRetry={() => definitions.refetch()} />
      ) : (
        <CompanyForm
          definitions={definitions.data}
          cancelTo="/companies"
          submitLabel="Create company"
          onSave={async (values) => {
            const company = await create.mutateAsync(companyInputOf(values, definitions.data));
            toast(`${company.name} created`);
            navigate(`/companies/${company.id}`);
          }}
        />
      )}
    </Stack>
  );
}
