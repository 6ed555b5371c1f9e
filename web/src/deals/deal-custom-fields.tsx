import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { CustomFieldValues, FieldDefinition } from '../../../shared/custom-fields/field-definition';
import type { Deal } from '../../../shared/deals/deal';
import { CustomFieldInputs } from '../custom-fields/custom-field-inputs';
import { CustomFieldList } from '../custom-fields/custom-field-list';
import {
  type CustomFieldFormValues,
  customFieldChanges,
  customFieldErrors,
  customFieldFormValues,
} from '../custom-fields/custom-field-values';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { DetailSection } from '../records/detail-section';
import { formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { useToast } from '../ui/toaster';
import { useUpdateDeal } from './deal-queries';

function EditCustomFields({
  deal,
  definitions,
  onDone,
}: {
  deal: Deal;
  definitions: readonly FieldDefinition[];
  onDone(): void;
}) {
  const toast = useToast();
  const update = useUpdateDeal(deal.id);
  const stored = (deal.customFields ?? {}) as CustomFieldValues;
  const form = useForm<{ customFields: CustomFieldFormValues }>({
    initialValues: { customFields: customFieldFormValues(definitions, stored) },
    validate: (values) =>
      Object.fromEntries(
        Object.entries(
          customFieldErrors(
            definitions,
            stored,
            customFieldChanges(definitions, stored, values.customFields),
          ),
        ).map(([path, message]) => [
          path.startsWith('customFields.') ? path : `customFields.${path}`,
          message,
        ]),
      ),
  });
  const known = (path: string) => path.startsWith('customFields.');
  return (
    <form
      noValidate
      aria-label="Custom fields"
      onSubmit={form.onSubmit(async (values) => {
        const changes = customFieldChanges(definitions, stored, values.customFields);
        if (Object.keys(changes).length === 0) return onDone();
        try {
          await update.mutateAsync({ version: deal.version, patch: { customFields: changes } });
          toast('Custom fields saved');
          onDone();
        } catch (error) {
          showSaveError(form, error, known);
        }
      })}
    >
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} />
        <CustomFieldInputs definitions={definitions} getInputProps={form.getInputProps} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Save fields
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The deal's custom fields (Settings → Custom fields → Deals), shown and edited in a dialog. */
export function DealCustomFields({ deal }: { deal: Deal }) {
  const definitions = useQuery(fieldDefinitionsQuery('deal'));
  const [opened, { open, close }] = useDisclosure(false);
  if (!definitions.data || definitions.data.length === 0) return null;
  return (
    <DetailSection title="Custom fields">
      <Stack gap="sm">
        <CustomFieldList
          definitions={definitions.data}
          values={(deal.customFields ?? {}) as CustomFieldValues}
        />
        <Group justify="flex-end">
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={open}>
            Edit fields
          </Button>
        </Group>
      </Stack>
      <Modal opened={opened} onClose={close} title="Custom fields" centered size="lg">
        <EditCustomFields deal={deal} definitions={definitions.data} onDone={close} />
      </Modal>
    </DetailSection>
  );
}
