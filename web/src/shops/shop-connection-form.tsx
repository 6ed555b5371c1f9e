import { NumberInput, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ShopConnection, shopProviders } from '../../../shared/shops/shop-connection';
import { formLevel } from '../records/form-errors';
import { FormAlert, FormFooter } from '../records/form-footer';
import { useSaveSubmit } from '../records/form-problem';
import {
  isShopConnectionPath,
  providerLabels,
  type ShopConnectionFormValues,
  shopConnectionFormErrors,
  shopConnectionFormValues,
} from './shop-connection-form-values';

function secretDescription(values: ShopConnectionFormValues, editing: boolean): string {
  if (values.provider === 'shopify') {
    return editing
      ? 'After rotating the secret at Shopify, enter the new one; the old one keeps working for 24 hours.'
      : 'The client secret of your Shopify app (Shopify signs its webhooks with it).';
  }
  return editing
    ? 'Leave empty to keep the secret. Rotate it from the connection page instead.'
    : 'Leave empty and Seed CRM makes a strong one for you.';
}

/** Connect a shop, or change a connection (name, cart hours, a new Shopify secret). */
export function ShopConnectionForm({
  connection,
  onSave,
  onCancel,
  onReload,
  submitLabel,
}: {
  connection?: ShopConnection;
  onSave(values: ShopConnectionFormValues): Promise<void>;
  onCancel(): void;
  onReload?(): void;
  submitLabel: string;
}) {
  const form = useForm<ShopConnectionFormValues>({
    initialValues: shopConnectionFormValues(connection),
    validate: (values) => shopConnectionFormErrors(values, connection),
  });
  const editing = Boolean(connection);
  const secretRequired = !editing && form.values.provider === 'shopify';

  const { submit, conflict } = useSaveSubmit(form, onSave, isShopConnectionPath);

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} onReload={conflict ? onReload : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Shop platform"
            required
            allowDeselect={false}
            disabled={editing}
            data={shopProviders.map((provider) => ({ value: provider, label: providerLabels[provider] }))}
            {...form.getInputProps('provider')}
          />
          <TextInput
            label="Name"
            required
            placeholder="Main shop"
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('name')}
          />
        </SimpleGrid>
        <PasswordInput
          label={editing ? 'New signing secret' : 'Signing secret'}
          required={secretRequired}
          description={secretDescription(form.values, editing)}
          autoComplete="off"
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the secret' }}
          {...form.getInputProps('secret')}
        />
        <NumberInput
          label="Abandoned cart after (hours)"
          description="A checkout not completed this long after its last change counts as abandoned."
          min={1}
          max={168}
          allowDecimal={false}
          w={{ base: '100%', sm: 280 }}
          {...form.getInputProps('abandonAfterHours')}
        />
        <FormFooter onCancel={onCancel} submitLabel={submitLabel} submitting={form.submitting} />
      </Stack>
    </form>
  );
}
