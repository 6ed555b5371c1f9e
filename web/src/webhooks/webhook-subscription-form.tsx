import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { webhookEventTypes } from '../../../shared/outbound-webhooks/webhook-event-types';
import type { WebhookSubscription } from '../../../shared/outbound-webhooks/webhook-subscription';
import { formLevel } from '../records/form-errors';
import { FormAlert, FormFooter } from '../records/form-footer';
import { useSaveSubmit } from '../records/form-problem';
import {
  isWebhookFormPath,
  type WebhookFormValues,
  webhookFormErrors,
  webhookFormValues,
} from './webhook-subscription-form-values';

/** Subscribe a URL to CRM events, or change a subscription; checked with the API's schema first. */
export function WebhookSubscriptionForm({
  subscription,
  onSave,
  onCancel,
  onReload,
  submitLabel,
}: {
  subscription?: WebhookSubscription;
  onSave(values: WebhookFormValues): Promise<void>;
  onCancel(): void;
  onReload?(): void;
  submitLabel: string;
}) {
  const form = useForm<WebhookFormValues>({
    initialValues: webhookFormValues(subscription),
    validate: (values) => webhookFormErrors(values, subscription),
  });

  const { submit, conflict } = useSaveSubmit(form, onSave, isWebhookFormPath);

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} onReload={conflict ? onReload : undefined} />
        <TextInput
          label="URL"
          required
          type="url"
          placeholder="https://hooks.example.com/crm"
          description="Each event is POSTed here as signed JSON; answer 2xx within 5 seconds."
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          {...form.getInputProps('url')}
        />
        <Checkbox
          label="All events"
          description="Every CRM event, including types added later"
          {...form.getInputProps('allEvents', { type: 'checkbox' })}
        />
        {!form.values.allEvents && (
          <Checkbox.Group label="Or these events" required {...form.getInputProps('eventTypes')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {webhookEventTypes.map((type) => (
                <Checkbox key={type} value={type} label={type} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        <TextInput
          label="Description"
          placeholder="Sync to the billing system"
          autoComplete="off"
          {...form.getInputProps('description')}
        />
        <FormFooter onCancel={onCancel} submitLabel={submitLabel} submitting={form.submitting} />
      </Stack>
    </form>
  );
}
