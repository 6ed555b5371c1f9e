import { Anchor, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contacts/contact';
import type { FieldDefinition } from '../../../shared/custom-fields/field-definition';
import { ApiError } from '../api/api-error';
import { useSessionState } from '../auth/session-store';
import { CompanyPicker } from '../companies/company-picker';
import { CustomFieldInputs } from '../custom-fields/custom-field-inputs';
import { formLevel } from '../records/form-errors';
import { FormAlert, FormFooter } from '../records/form-footer';
import { useSaveSubmit } from '../records/form-problem';
import { FormSection } from '../records/form-section';
import { MemberPicker } from '../team/member-picker';
import {
  type ContactFormValues,
  contactFormErrors,
  contactFormValues,
  isContactFormPath,
} from './contact-form-values';

/** Create and edit form; validated with the API's own schemas before anything is sent. */
export function ContactForm({
  contact,
  definitions,
  initialCompanyId,
  onSave,
  onReload,
  cancelTo,
  submitLabel,
}: {
  contact?: Contact;
  definitions: readonly FieldDefinition[];
  initialCompanyId?: string | null;
  onSave(values: ContactFormValues): Promise<void>;
  onReload?(): void;
  cancelTo: string;
  submitLabel: string;
}) {
  const { session } = useSessionState();
  const form = useForm<ContactFormValues>({
    initialValues: contactFormValues(contact, definitions, {
      companyId: initialCompanyId,
      ownerId: session?.user.userId,
    }),
    validate: (values) => contactFormErrors(values, definitions, contact),
  });

  // another contact with the email: the message on the email field links to that contact
  const saveOrPointAtDuplicate = async (values: ContactFormValues) => {
    try {
      await onSave(values);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'contact.email_exists')) throw error;
      form.setFieldError(
        'email',
        <>
          {error.message}{' '}
          {error.existingId && (
            <Anchor component={Link} to={`/contacts/${error.existingId}`} size="xs">
              Open that contact
            </Anchor>
          )}
        </>,
      );
      form.getInputNode('email')?.focus();
    }
  };
  const { submit, conflict } = useSaveSubmit(form, saveOrPointAtDuplicate, isContactFormPath(definitions));

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        <FormAlert message={form.errors[formLevel]} onReload={conflict ? onReload : undefined} />
        <FormSection title="Contact" description="A name or an email address is enough to start.">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="First name" autoComplete="off" {...form.getInputProps('firstName')} />
            <TextInput label="Last name" autoComplete="off" {...form.getInputProps('lastName')} />
            <TextInput
              label="Email"
              type="email"
              autoComplete="off"
              placeholder="name@example.com"
              {...form.getInputProps('email')}
            />
            <TextInput
              label="Phone"
              type="tel"
              autoComplete="off"
              placeholder="+44 20 7946 0958"
              {...form.getInputProps('phone')}
            />
            <TextInput label="Job title" autoComplete="off" {...form.getInputProps('jobTitle')} />
            <CompanyPicker {...form.getInputProps('companyId')} value={form.values.companyId} />
            <MemberPicker label="Owner" {...form.getInputProps('ownerId')} value={form.values.ownerId} />
          </SimpleGrid>
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            placeholder="lead, newsletter…"
            clearable
            {...form.getInputProps('tags')}
          />
        </FormSection>
        {definitions.length > 0 && (
          <FormSection title="Custom fields" description="Defined by your workspace admins">
            <CustomFieldInputs definitions={definitions} getInputProps={form.getInputProps} />
          </FormSection>
        )}
        <FormFooter cancelTo={cancelTo} submitLabel={submitLabel} submitting={form.submitting} />
      </Stack>
    </form>
  );
}
