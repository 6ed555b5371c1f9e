import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAdjustmentsHorizontal, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { customFieldsRoutes } from '../../../shared/custom-fields/custom-fields-routes';
import {
  type FieldDefinition,
  type FieldEntity,
  fieldTypes,
} from '../../../shared/custom-fields/field-definition';
import { useCan } from '../auth/permissions';
import { ConfirmDelete } from '../records/confirm-delete';
import { focusFirstError, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { FormSection } from '../records/form-section';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { EditField } from './field-definition-edit';
import {
  definitionInputOf,
  type FieldFormValues,
  keyFromLabel,
  newFieldErrors,
  typeLabels,
} from './field-definition-form-values';
import {
  fieldDefinitionsQuery,
  useCreateFieldDefinition,
  useDeleteFieldDefinition,
} from './field-definition-queries';

const entityLabels: Record<FieldEntity, string> = {
  contact: 'Contacts',
  company: 'Companies',
  deal: 'Deals',
};

function NewFieldForm({ entity }: { entity: FieldEntity }) {
  const toast = useToast();
  const create = useCreateFieldDefinition();
  const [keyEdited, setKeyEdited] = useState(false);
  const form = useForm<FieldFormValues>({
    initialValues: { label: '', key: '', type: 'text', required: false, options: [] },
    validate: (values) => newFieldErrors(entity, values),
  });

  const submit = form.onSubmit(
    async (values) => {
      try {
        const definition = await create.mutateAsync(definitionInputOf(entity, values));
        toast(`${definition.label} created`);
        form.reset();
        setKeyEdited(false);
      } catch (error) {
        showSaveError(form, error, (path) => path in values);
      }
    },
    (errors) => focusFirstError(form, errors),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Add a field">
      <FormSection title="Add a field" description={`It appears on every ${entity}'s form and page.`}>
        <FormAlert message={form.errors[formLevel]} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Label"
            required
            {...form.getInputProps('label')}
            onChange={(event) => {
              const label = event.currentTarget.value;
              form.setFieldValue('label', label);
              if (!keyEdited) form.setFieldValue('key', keyFromLabel(label));
            }}
          />
          <TextInput
            label="Key"
            description="Used by the API and imports; cannot change later"
            required
            {...form.getInputProps('key')}
            onChange={(event) => {
              setKeyEdited(true);
              form.setFieldValue('key', event.currentTarget.value);
            }}
          />
          <Select
            label="Type"
            required
            allowDeselect={false}
            data={fieldTypes.map((type) => ({ value: type, label: typeLabels[type] }))}
            {...form.getInputProps('type')}
          />
          <Switch
            label="Required"
            mt={{ sm: 'xl' }}
            {...form.getInputProps('required', { type: 'checkbox' })}
          />
        </SimpleGrid>
        {form.values.type === 'select' && (
          <TagsInput
            label="Choices"
            description="Press Enter after each choice"
            required
            {...form.getInputProps('options')}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={form.submitting}>
            Add field
          </Button>
        </Group>
      </FormSection>
    </form>
  );
}

function DeleteField({ definition }: { definition: FieldDefinition }) {
  const toast = useToast();
  const remove = useDeleteFieldDefinition();
  return (
    <ConfirmDelete
      what="field"
      name={definition.label}
      consequence={<Text size="sm">Values already saved in it are no longer shown.</Text>}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(definition, {
          onSuccess: () => toast(`${definition.label} deleted`),
        })
      }
    />
  );
}

function FieldTable({ definitions, canManage }: { definitions: FieldDefinition[]; canManage: boolean }) {
  const canEdit = useCan(customFieldsRoutes.UpdateFieldDefinition);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Label</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Required</Table.Th>
              {canManage && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {definitions.map((definition) => (
              <Table.Tr key={definition.key}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {definition.label}
                  </Text>
                  {definition.options && (
                    <Text size="xs" c="dimmed">
                      {definition.options.join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {definition.key}
                  </Text>
                </Table.Td>
                <Table.Td>{typeLabels[definition.type]}</Table.Td>
                <Table.Td>
                  {definition.required ? (
                    <Badge variant="light">Required</Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Optional
                    </Text>
                  )}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {canEdit && <EditField definition={definition} />}
                      <DeleteField definition={definition} />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function EntityFields({ entity, canManage }: { entity: FieldEntity; canManage: boolean }) {
  const definitions = useQuery(fieldDefinitionsQuery(entity));
  return (
    <Stack gap="lg">
      {definitions.isPending ? (
        <ListSkeleton rows={3} />
      ) : definitions.isError ? (
        <LoadError error={definitions.error} onRetry={() => definitions.refetch()} />
      ) : definitions.data.length === 0 ? (
        <ListEmpty
          icon={<IconAdjustmentsHorizontal />}
          title={`No custom fields on ${entityLabels[entity].toLowerCase()} yet`}
          description={canManage ? 'Add one below.' : 'An admin of your workspace can add them.'}
        />
      ) : (
        <FieldTable definitions={definitions.data} canManage={canManage} />
      )}
      {canManage && <NewFieldForm entity={entity} />}
    </Stack>
  );
}

export function CustomFieldsPage() {
  const canManage = useCan(customFieldsRoutes.CreateFieldDefinition);
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title="Custom fields"
        description="Extra fields on contacts, companies and deals. Admins define them; everyone fills them in."
      />
      <Tabs defaultValue="contact" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="contact">{entityLabels.contact}</Tabs.Tab>
          <Tabs.Tab value="company">{entityLabels.company}</Tabs.Tab>
          <Tabs.Tab value="deal">{entityLabels.deal}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contact">
          <EntityFields entity="contact" canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="company">
          <EntityFields entity="company" canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="deal">
          <EntityFields entity="deal" canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
