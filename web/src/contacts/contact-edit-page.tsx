import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { LoadError } from '../records/list-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { ContactForm } from './contact-form';
import { contactPatchOf } from './contact-form-values';
import { contactQuery, useUpdateContact } from './contact-queries';

export function ContactEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  // fresh when editing starts, then never swapped under the user's edits
  const query = useQuery({
    ...contactQuery(id),
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const definitions = useQuery(fieldDefinitionsQuery('contact'));
  const update = useUpdateContact(id);

  if (query.isPending || definitions.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError error={query.error} what="contact" backTo="/contacts" onRetry={() => query.refetch()} />
    );
  }
  if (definitions.isError)
    return <LoadError error={definitions.error} onRetry={() => definitions.refetch()} />;
  const contact = query.data;
  const name = contactDisplayName(contact);

  return (
    <Stack gap="lg" maw={880}>
      <BackLink to={`/contacts/${contact.id}`}>{name}</BackLink>
      <PageHeader title={`Edit ${name}`} />
      <ContactForm
        // a newer version (after "load the latest") starts the form afresh
        key={contact.version}
        contact={contact}
        definitions={definitions.data}
        cancelTo={`/contacts/${contact.id}`}
        submitLabel="Save changes"
        onReload={() => query.refetch()}
        onSave={async (values) => {
          const patch = contactPatchOf(contact, values, definitions.data);
          if (Object.keys(patch).length > 0) {
            const saved = await update.mutateAsync({ version: contact.version, patch });
            toast(`${contactDisplayName(saved)} saved`);
          }
          navigate(`/contacts/${contact.id}`);
        }}
      />
    </Stack>
  );
}
