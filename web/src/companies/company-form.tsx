import { SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Company } from '../../../shared/companies/company';
import type { FieldDefinition } from '../../../shared/custom-fields/field-definition';
import { useSessionState } from '../auth/session-store';
import { CustomFieldInputs } from '../custom-fields/custom-field-inputs';
import { formLevel } from '../records/form-errors';
import { FormAlert, FormFooter } from '../records/form-footer';
import { useSaveSubmit } from '../records/form-problem';
import { FormSection } from '../records/form-section';
import { MemberPicker } from '../team/member-picker';
import { CountrySelect } from '../ui/country-select';
import {
  type CompanyFormValues,
  companyFormErrors,
  companyFormValues,
  isCompanyFormPath,
} from './company-form-values';

/** Create and edit form; validated with the API's own schemas before anything is sent. */
export function CompanyForm({
  company,
  definitions,
  onSave,
  onReload,
  cancelTo,
  submitLabel,
}: {
  company?: Company;
  definitions: readonly FieldDefinition[];
  onSave(values: CompanyFormValues): Promise<void>;
  onReload?(): void;
  cancelTo: string;
  submitLabel: string;
}) {
  const { session } = useSessionState();
  const form = useForm<CompanyFormValues>({
    initialValues: companyFormValues(company, definitions, { ownerId: session?.user.userId }),
    validate: (values) => companyFormErrors(values, definitions, company),
  });

  const { submit, conflict } = useSaveSubmit(form, onSave, isCompanyFormPath(definitions));

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        <FormAlert message={form.errors[formLevel]} onReload={conflict ? onReload : undefined} />
        <FormSection title="Company">
          <TextInput label="Name" required autoComplete="organization" {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Domain" placeholder="example.com" {...form.getInputProps('domain')} />
            <TextInput
              label="Website"
              type="url"
              placeholder="https://example.com"
              {...form.getInputProps('website')}
            />
            <TextInput label="Industry" {...form.getInputProps('industry')} />
            <TextInput
              label="Phone"
              type="tel"
              placeholder="+44 20 7946 0958"
              {...form.getInputProps('phone')}
            />
            <TextInput label="City" {...form.getInputProps('city')} />
            <CountrySelect {...form.getInputProps('country')} value={form.values.country} />
            <MemberPicker label="Owner" {...form.getInputProps('ownerId')} value={form.values.ownerId} />
          </SimpleGrid>
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            placeholder="customer, partner…"
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
