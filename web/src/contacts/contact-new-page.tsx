import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { DetailSkeleton } from '../records/detail-states';
import { LoadError } from '../records/list-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { ContactForm } from './contact-form';
import { contactInputOf } from './contact-form-values';
import { useCreateContact } from './contact-queries';

export function ContactNewPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const [searchParams] = useSearchParams();
  const definitions = useQuery(fieldDefinitionsQuery('contact'));
  const create = useCreateContact();

  return (
    <Stack gap="lg" maw={880}>
      <BackLink to="/contacts">Contacts</BackLink>
      <PageHeader title="New contact" />
      {definitions.isPending ? (
        <DetailSkeleton />
      ) : definitions.isError ? (
        <LoadError error={definitions.error} onRetry={() => definitions.refetch()} />
      ) : (
        <ContactForm
          definitions={definitions.data}
          initialCompanyId={searchParams.get('companyId')}
          cancelTo="/contacts"
          submitLabel="Create contact"
          onSave={async (values) => {
            const contact = await create.mutateAsync(contactInputOf(values, definitions.data));
            toast(`${contactDisplayName(contact)} created`);
            navigate(`/contacts/${contact.id}`);
          }}
        />
      )}
    </Stack>
  );
}
