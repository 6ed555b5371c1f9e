import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { LoadError } from '../records/list-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { formPage, forms } from './form-queries';
import { FormSettingsForm } from './form-settings-form';
import { formPatchOf } from './form-settings-values';

export function FormEditPage() {
  const { formId = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  // fresh when editing starts, then never swapped under the user's edits
  const query = useQuery({
    ...forms.detailQuery(formId),
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const definitions = useQuery(fieldDefinitionsQuery('contact'));
  const update = forms.useUpdate(formId);

  if (query.isPending || definitions.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError error={query.error} what="form" backTo="/settings/forms" onRetry={() => query.refetch()} />
    );
  }
  if (definitions.isError)
    return <LoadError error={definitions.error} onRetry={() => definitions.refetch()} />;
  const form = query.data;
  const detailPath = formPage(form.id);

  return (
    <Stack gap="lg" maw={880}>
      <BackLink to={detailPath}>{form.name}</BackLink>
      <PageHeader title={`Edit ${form.name}`} />
      <FormSettingsForm
        // a newer version (after "load the latest") starts the form afresh
        key={form.version}
        form={form}
        definitions={definitions.data}
        cancelTo={detailPath}
        submitLabel="Save changes"
        onReload={() => query.refetch()}
        onSave={async (values) => {
          const patch = formPatchOf(form, values);
          if (Object.keys(patch).length > 0) {
            const saved = await update.mutateAsync({ version: form.version, patch });
            toast(`${saved.name} saved`);
          }
          navigate(detailPath);
        }}
      />
    </Stack>
  );
}
