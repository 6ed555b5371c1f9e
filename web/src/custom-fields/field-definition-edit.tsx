import { Button, Code, Group, Modal, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { FieldDefinition } from '../../../shared/custom-fields/field-definition';
import { formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { useSaveSubmit } from '../records/form-problem';
import { useToast } from '../ui/toaster';
import {
  type FieldEditValues,
  fieldDefinitionPatchOf,
  fieldEditErrors,
  fieldEditPaths,
  fieldEditValues,
  typeLabels,
} from './field-definition-form-values';
import { fieldDefinitionKeys, useUpdateFieldDefinition } from './field-definition-queries';

const isEditPath = (path: string) => (fieldEditPaths as readonly string[]).includes(path);

function FieldEditForm({
  definition,
  onDone,
  onReload,
}: {
  definition: FieldDefinition;
  onDone(): void;
  onReload(): void;
}) {
  const toast = useToast();
  const update = useUpdateFieldDefinition();
  const labelInput = useRef<HTMLInputElement>(null);
  // after "load the latest version" the form starts afresh: keyboard users start again at the label
  useEffect(() => labelInput.current?.focus(), []);
  const form = useForm<FieldEditValues>({
    initialValues: fieldEditValues(definition),
    validate: (values) => fieldEditErrors(definition, values),
  });

  const { submit, conflict } = useSaveSubmit(
    form,
    async (values) => {
      const patch = fieldDefinitionPatchOf(definition, values);
      if (Object.keys(patch).length > 0) {
        // sent with If-Match: the version this form was loaded with
        const saved = await update.mutateAsync({ definition, patch });
        toast(`${saved.label} saved`);
      }
      onDone();
    },
    isEditPath,
  );

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${definition.label}`}>
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} onReload={conflict ? onReload : undefined} />
        <Text size="sm" c="dimmed">
          Key <Code>{definition.key}</Code> · {typeLabels[definition.type]}. The key and the type cannot
          change.
        </Text>
        <TextInput ref={labelInput} label="Label" required data-autofocus {...form.getInputProps('label')} />
        <Switch
          label="Required"
          description="Records without a value need one the next time they are saved."
          {...form.getInputProps('required', { type: 'checkbox' })}
        />
        {definition.type === 'select' && (
          <TagsInput
            label="Choices"
            description="Press Enter after each choice"
            required
            {...form.getInputProps('options')}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An "Edit" button and its dialog: label, required flag and (select fields) choices. */
export function EditField({ definition }: { definition: FieldDefinition }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const reload = () =>
    void queryClient.refetchQueries({ queryKey: fieldDefinitionKeys.entity(definition.entity) });
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={16} />}
        onClick={open}
        aria-label={`Edit ${definition.label}`}
      >
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title="Edit field" centered>
        {/* a newer version (after "load the latest") starts the form afresh */}
        <FieldEditForm key={definition.version} definition={definition} onDone={close} onReload={reload} />
      </Modal>
    </>
  );
}
