import { Button, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type * as z from 'zod/mini';
import { type Deal, DealInput, type DealPatch } from '../../../shared/deals/deal';
import { useSessionState } from '../auth/session-store';
import { CompanyPicker } from '../companies/company-picker';
import { ContactPicker } from '../contacts/contact-picker';
import { focusFirstError, formErrorsOf, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { MemberPicker } from '../team/member-picker';
import { NewRecordButton, type NewRecordButtonProps } from '../ui/new-record-button';
import { useToast } from '../ui/toaster';
import { pipelinesQuery, useCreateDeal, useUpdateDeal } from './deal-queries';

/** Currencies offered first; any ISO code the browser knows can be typed. */
const commonCurrencies = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'JPY'];
const allCurrencies = (() => {
  try {
    return [...new Set([...commonCurrencies, ...Intl.supportedValuesOf('currency')])];
  } catch {
    return commonCurrencies;
  }
})();

interface DealValues {
  name: string;
  amount: string;
  currency: string;
  expectedCloseDate: string;
  ownerId: string | null;
  primaryContactId: string | null;
  contactIds: string[];
  companyId: string | null;
  pipelineId: string | null;
  stageId: string | null;
  tags: string[];
}

const formPaths = new Set([
  'name',
  'amount',
  'currency',
  'expectedCloseDate',
  'ownerId',
  'primaryContactId',
  'companyId',
  'pipelineId',
  'stageId',
  'tags',
]);
const isDealPath = (path: string) => formPaths.has(path);

function inputOf(values: DealValues): z.input<typeof DealInput> {
  return {
    name: values.name,
    amount: values.amount.trim() || '0',
    currency: values.currency,
    ...(values.expectedCloseDate ? { expectedCloseDate: values.expectedCloseDate } : {}),
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    ...(values.primaryContactId ? { primaryContactId: values.primaryContactId } : {}),
    contactIds: values.contactIds,
    ...(values.companyId ? { companyId: values.companyId } : {}),
    ...(values.pipelineId ? { pipelineId: values.pipelineId } : {}),
    ...(values.stageId ? { stageId: values.stageId } : {}),
    tags: values.tags,
  };
}

/** What changed, as a patch: cleared optional fields are sent as null. */
export function dealPatchOf(deal: Deal, values: DealValues): z.input<typeof DealPatch> {
  const input = inputOf(values);
  const patch: z.input<typeof DealPatch> = {};
  if (input.name.trim() !== deal.name) patch.name = input.name;
  if (input.amount !== deal.amount) patch.amount = input.amount;
  if (input.currency !== deal.currency) patch.currency = input.currency;
  if ((input.expectedCloseDate ?? null) !== (deal.expectedCloseDate ?? null))
    patch.expectedCloseDate = input.expectedCloseDate ?? null;
  if (input.ownerId && input.ownerId !== deal.ownerId) patch.ownerId = input.ownerId;
  if ((input.primaryContactId ?? null) !== (deal.primaryContactId ?? null))
    patch.primaryContactId = input.primaryContactId ?? null;
  if ((input.companyId ?? null) !== (deal.companyId ?? null)) patch.companyId = input.companyId ?? null;
  if (JSON.stringify(input.tags) !== JSON.stringify(deal.tags)) patch.tags = input.tags ?? [];
  return patch;
}

export interface DealFormProps {
  deal?: Deal;
  /** A new deal's prefilled values: from a contact's or company's page, or the board's pipeline. */
  prefill?: { pipelineId?: string; primaryContactId?: string; companyId?: string };
  onDone(saved: Deal | undefined): void;
}

/**
 * Name, amount and currency, expected close date, owner, primary contact, company, pipeline and stage
 * (new deals) and tags. Checked with the API's own schema before sending.
 */
export function DealForm({ deal, prefill, onDone }: DealFormProps) {
  const toast = useToast();
  const me = useSessionState().session?.user;
  const pipelines = useQuery(pipelinesQuery());
  const create = useCreateDeal();
  const update = useUpdateDeal(deal?.id ?? '');
  const form = useForm<DealValues>({
    initialValues: {
      name: deal?.name ?? '',
      amount: deal?.amount ?? '',
      currency: deal?.currency ?? 'EUR',
      expectedCloseDate: deal?.expectedCloseDate ?? '',
      ownerId: deal?.ownerId ?? me?.userId ?? null,
      primaryContactId: deal?.primaryContactId ?? prefill?.primaryContactId ?? null,
      contactIds: deal?.contactIds ?? [],
      companyId: deal?.companyId ?? prefill?.companyId ?? null,
      pipelineId: deal?.pipelineId ?? prefill?.pipelineId ?? null,
      stageId: deal?.stageId ?? null,
      tags: deal?.tags ?? [],
    },
    validate: (values) => {
      const parsed = DealInput.safeParse(inputOf(values));
      return parsed.success ? {} : formErrorsOf(parsed.error, {}, isDealPath);
    },
  });
  const pipelineId =
    form.values.pipelineId ?? pipelines.data?.find((pipeline) => pipeline.isDefault)?.id ?? null;
  const stages = pipelines.data?.find((pipeline) => pipeline.id === pipelineId)?.stages ?? [];
  const submit = form.onSubmit(
    async (values) => {
      try {
        if (deal) {
          const patch = dealPatchOf(deal, values);
          if (Object.keys(patch).length === 0) return onDone(deal);
          const saved = await update.mutateAsync({ version: deal.version, patch });
          toast(`${saved.name} saved`);
          onDone(saved);
        } else {
          const saved = await create.mutateAsync(inputOf(values));
          toast(`${saved.name} created`);
          onDone(saved);
        }
      } catch (error) {
        showSaveError(form, error, isDealPath);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={deal ? `Edit ${deal.name}` : 'New deal'}>
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label="Amount"
            inputMode="decimal"
            placeholder="0.00"
            description="A plain decimal such as 1250.50"
            {...form.getInputProps('amount')}
          />
          <Select
            label="Currency"
            searchable
            allowDeselect={false}
            data={allCurrencies}
            {...form.getInputProps('currency')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput label="Expected close" type="date" {...form.getInputProps('expectedCloseDate')} />
          <MemberPicker
            label="Owner"
            offerMe
            withEmail
            clearable={false}
            allowDeselect={false}
            value={form.values.ownerId}
            onChange={(value) => form.setFieldValue('ownerId', value)}
            error={form.errors.ownerId}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <ContactPicker
            label="Primary contact"
            clearable
            value={form.values.primaryContactId}
            onChange={(value) => form.setFieldValue('primaryContactId', value)}
            error={form.errors.primaryContactId}
          />
          <CompanyPicker
            label="Company"
            clearable
            value={form.values.companyId}
            onChange={(value) => form.setFieldValue('companyId', value)}
            error={form.errors.companyId}
          />
        </SimpleGrid>
        {!deal && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Select
              label="Pipeline"
              allowDeselect={false}
              data={(pipelines.data ?? []).map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
              value={pipelineId}
              onChange={(value) => {
                form.setFieldValue('pipelineId', value);
                form.setFieldValue('stageId', null);
              }}
              error={form.errors.pipelineId}
            />
            <Select
              label="Stage"
              placeholder={stages[0] ? `${stages[0].name} (first)` : 'The first stage'}
              clearable
              data={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
              {...form.getInputProps('stageId')}
            />
          </SimpleGrid>
        )}
        <TagsInput label="Tags" clearable {...form.getInputProps('tags')} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {deal ? 'Save changes' : 'Create deal'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "New deal": a dialog with the deal form, prefilled from where it was opened; opens the new deal. */
export function NewDealButton({
  pipelineId,
  primaryContactId,
  companyId,
  variant,
}: {
  pipelineId?: string;
  primaryContactId?: string;
  companyId?: string;
  variant?: NewRecordButtonProps['variant'];
}) {
  const navigate = useNavigate();
  return (
    <NewRecordButton label="New deal" variant={variant} size="lg">
      {(close) => (
        <DealForm
          prefill={{ pipelineId, primaryContactId, companyId }}
          onDone={(saved) => {
            close();
            if (saved && !pipelineId) void navigate(`/deals/${saved.id}`);
          }}
        />
      )}
    </NewRecordButton>
  );
}
