import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { DetailSkeleton } from '../records/detail-states';
import { LoadError } from '../records/list-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { formPage, forms } from './form-queries';
import { FormSettingsForm } from './form-settings-form';
import { formInputOf } from './form-settings-values';

export function FormNewPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const definitions = useQuery(fieldDefinitionsQuery('contact'));
  const create = forms.useCreate();
  return (
    <Stack gap="lg" maw={880}>
      <BackLink to="/settings/forms">Forms</BackLink>
      <PageHeader title="New form" />
      {definitions.isPending ? (
        <DetailSkeleton />
      ) : definitions.isError ? (
        <LoadError error={definitions.error} onRetry={() => definitions.refetch()} />
      ) : (
        <FormSettingsForm
          definitions={definitions.data}
          cancelTo="/settings/forms"
          submitLabel="Create form"
          onSave={async (values) => {
            const form = await create.mutateAsync(formInputOf(values));
            toast(`${form.name} created`);
            navigate(formPage(form.id));
          }}
        />
      )}
    </Stack>
  );
}
