import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { FieldDefinition } from '../../../shared/custom-fields/field-definition';
import type { Form } from '../../../shared/forms/form';
import { lists } from '../lists/list-queries';
import { formLevel } from '../records/form-errors';
import { FormAlert, FormFooter } from '../records/form-footer';
import { useSaveSubmit } from '../records/form-problem';
import { FormSection } from '../records/form-section';
import {
  type FormSettingsValues,
  fieldRow,
  formSettingsErrors,
  formSettingsValues,
  isFormSettingsPath,
  targetOptions,
} from './form-settings-values';

/** Create and edit form of a web form's settings; checked with the API's own rules before sending. */
export function FormSettingsForm({
  form: stored,
  definitions,
  onSave,
  onReload,
  cancelTo,
  submitLabel,
}: {
  form?: Form;
  definitions: readonly FieldDefinition[];
  onSave(values: FormSettingsValues): Promise<void>;
  onReload?(): void;
  cancelTo: string;
  submitLabel: string;
}) {
  const form = useForm<FormSettingsValues>({
    initialValues: formSettingsValues(stored),
    validate: (values) => formSettingsErrors(values, definitions, stored),
  });
  const options = targetOptions(
    definitions,
    form.values.fields.map((row) => row.target),
  );

  const allLists = useQuery(lists.listQuery());
  // a list deleted since the form was saved still shows, by its id, until it is taken off
  const listChoices = [
    ...(allLists.data ?? []).map((list) => ({ value: list.id, label: list.name })),
    ...form.values.lists
      .filter((id) => allLists.data && !allLists.data.some((list) => list.id === id))
      .map((id) => ({ value: id, label: `Deleted list (${id.slice(-6)})` })),
  ];

  const { submit, conflict } = useSaveSubmit(form, onSave, isFormSettingsPath);

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        <FormAlert message={form.errors[formLevel]} onReload={conflict ? onReload : undefined} />
        <FormSection title="Form" description="The name is for your team; visitors never see it.">
          <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
          <TagsInput
            label="Tags to add"
            description="Every contact who posts the form gets these tags. Press Enter after each tag."
            placeholder="newsletter, webinar…"
            clearable
            {...form.getInputProps('tags')}
          />
          <MultiSelect
            label="Lists to join"
            description={
              listChoices.length > 0
                ? 'Every contact who posts the form joins these lists.'
                : 'Create lists under Lists to add the people who post this form to them.'
            }
            placeholder={listChoices.length > 0 ? 'Choose lists' : undefined}
            data={listChoices}
            disabled={listChoices.length === 0}
            searchable
            clearable
            {...form.getInputProps('lists')}
          />
        </FormSection>

        <FormSection
          title="Fields"
          description="Each input of your page, and the contact field it fills. One of them must fill the email."
        >
          <Stack gap="sm">
            {form.values.fields.map((row, index) => (
              <Paper key={row.key} withBorder radius="md" p="sm" component="fieldset" m={0}>
                <Text component="legend" size="xs" fw={600} c="dimmed" px={4}>
                  Field {index + 1}
                </Text>
                <Group align="flex-start" gap="sm" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" flex={1} miw={0}>
                    <TextInput
                      label="Input name"
                      description="name=… on your page"
                      autoComplete="off"
                      spellCheck={false}
                      {...form.getInputProps(`fields.${index}.name`)}
                    />
                    <Select
                      label="Fills"
                      description="Contact field"
                      data={options}
                      allowDeselect={false}
                      placeholder="Choose…"
                      {...form.getInputProps(`fields.${index}.target`)}
                    />
                    <TextInput
                      label="Label"
                      description="Shown beside the input"
                      autoComplete="off"
                      {...form.getInputProps(`fields.${index}.label`)}
                    />
                  </SimpleGrid>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={46}
                    aria-label={`Remove field ${index + 1}${row.name ? ` (${row.name})` : ''}`}
                    disabled={form.values.fields.length === 1}
                    onClick={() => form.removeListItem('fields', index)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
                <Checkbox
                  mt="sm"
                  label="Required on the page"
                  {...form.getInputProps(`fields.${index}.required`, { type: 'checkbox' })}
                />
              </Paper>
            ))}
          </Stack>
          {typeof form.errors.fields === 'string' && (
            <Text size="sm" c="red" role="alert">
              {form.errors.fields}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => form.insertListItem('fields', fieldRow())}
              disabled={form.values.fields.length >= 30}
            >
              Add a field
            </Button>
          </Group>
        </FormSection>

        <FormSection
          title="Consent"
          description="A checkbox with your text; each ticked box is kept on the contact with the text it showed."
        >
          <Switch label="Ask for consent" {...form.getInputProps('consent.enabled', { type: 'checkbox' })} />
          {form.values.consent.enabled && (
            <>
              <Textarea
                label="Consent text"
                required
                autosize
                minRows={2}
                placeholder="I would like to receive the newsletter."
                {...form.getInputProps('consent.text')}
              />
              <Checkbox
                label="Refuse posts without the box ticked"
                {...form.getInputProps('consent.required', { type: 'checkbox' })}
              />
              <Switch
                label="Double opt-in"
                description="Consent stays pending until the person follows the link in a confirmation email."
                {...form.getInputProps('consent.doubleOptIn', { type: 'checkbox' })}
              />
              {form.values.consent.doubleOptIn && (
                <TextInput
                  label="After confirming, go to"
                  description="An https:// page of yours; a small thank-you page when empty"
                  placeholder="https://www.example.com/confirmed"
                  type="url"
                  {...form.getInputProps('consent.confirmedRedirectUrl')}
                />
              )}
            </>
          )}
        </FormSection>

        <FormSection title="After posting and protection">
          <TextInput
            label="After posting, go to"
            description="An https:// page of yours; a small thank-you page when empty"
            placeholder="https://www.example.com/thanks"
            type="url"
            {...form.getInputProps('successRedirectUrl')}
          />
          <TagsInput
            label="Allowed origins"
            description="Sites whose pages may post the form, such as https://www.example.com. Empty: any site. Press Enter after each."
            placeholder="https://www.example.com"
            clearable
            {...form.getInputProps('allowedOrigins')}
          />
          <TextInput
            label="Honeypot field name"
            description="A hidden input people never fill in; posts that fill it are dropped as spam."
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('honeypotField')}
          />
        </FormSection>
        <FormFooter cancelTo={cancelTo} submitLabel={submitLabel} submitting={form.submitting} />
      </Stack>
    </form>
  );
}
