import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import {
  type TicketPriority,
  type TicketSlaPolicy,
  TicketSlaPolicy as TicketSlaPolicySchema,
  type TicketSlaSettings,
  ticketPriorities,
} from '../../../shared/tickets/ticket';
import { ticketsRoutes } from '../../../shared/tickets/tickets-routes';
import { useCan } from '../auth/permissions';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { focusFirstError, formErrorsOf, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { formatMinutes, priorityLabels } from './ticket-format';
import { ticketSlaQuery, usePutTicketSla } from './ticket-queries';

/** The form edits hours (people think in hours); the API takes minutes. */
type SlaValues = Record<
  TicketPriority,
  { firstResponseHours: number | string; resolutionHours: number | string }
>;

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const minutesOf = (hours: number | string) => Math.round(Number(hours) * 60);

function valuesOf(policy: TicketSlaPolicy): SlaValues {
  return Object.fromEntries(
    ticketPriorities.map((priority) => [
      priority,
      {
        firstResponseHours: hoursOf(policy[priority].firstResponseMinutes),
        resolutionHours: hoursOf(policy[priority].resolutionMinutes),
      },
    ]),
  ) as SlaValues;
}

function policyOf(values: SlaValues): TicketSlaPolicy {
  return Object.fromEntries(
    ticketPriorities.map((priority) => [
      priority,
      {
        firstResponseMinutes: minutesOf(values[priority].firstResponseHours),
        resolutionMinutes: minutesOf(values[priority].resolutionHours),
      },
    ]),
  ) as TicketSlaPolicy;
}

const renames = Object.fromEntries(
  ticketPriorities.flatMap((priority) => [
    [`${priority}.firstResponseMinutes`, `${priority}.firstResponseHours`],
    [`${priority}.resolutionMinutes`, `${priority}.resolutionHours`],
  ]),
);
const known = (path: string) => Object.values(renames).includes(path);

function SlaForm({ settings, canEdit }: { settings: TicketSlaSettings; canEdit: boolean }) {
  const toast = useToast();
  const put = usePutTicketSla();
  const form = useForm<SlaValues>({
    initialValues: valuesOf(settings),
    validate: (values) => {
      const parsed = TicketSlaPolicySchema.safeParse(policyOf(values));
      return parsed.success ? {} : formErrorsOf(parsed.error, renames, known);
    },
  });
  const submit = form.onSubmit(
    async (values) => {
      try {
        await put.mutateAsync(policyOf(values));
        toast('SLA targets saved');
      } catch (error) {
        // the API names minutes, the form hours: its messages go above the targets
        showSaveError(form, error, () => false);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="SLA targets">
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} />
        {ticketPriorities.map((priority) => {
          const current = policyOf(form.values)[priority];
          return (
            <Paper key={priority} withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }}>
              <Title order={2} size="h5" mb="xs" component="legend">
                {priorityLabels[priority]}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <NumberInput
                  label="First response within (hours)"
                  min={0}
                  step={0.5}
                  decimalScale={2}
                  disabled={!canEdit}
                  description={
                    Number.isFinite(current.firstResponseMinutes)
                      ? formatMinutes(current.firstResponseMinutes)
                      : undefined
                  }
                  {...form.getInputProps(`${priority}.firstResponseHours`)}
                />
                <NumberInput
                  label="Resolution within (hours)"
                  min={0}
                  step={1}
                  decimalScale={2}
                  disabled={!canEdit}
                  description={
                    Number.isFinite(current.resolutionMinutes)
                      ? formatMinutes(current.resolutionMinutes)
                      : undefined
                  }
                  {...form.getInputProps(`${priority}.resolutionHours`)}
                />
              </SimpleGrid>
            </Paper>
          );
        })}
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              Save targets
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function TicketSlaPage() {
  const query = useQuery(ticketSlaQuery());
  const canEdit = useCan(ticketsRoutes.PutTicketSla);
  if (query.isPending) return <DetailSkeleton />;
  if (query.isError)
    return (
      <DetailError error={query.error} what="SLA policy" backTo="/tickets" onRetry={() => query.refetch()} />
    );
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        title="Ticket SLA"
        description="How soon a ticket must be answered and resolved, by priority, counted from its opening. New tickets and priority changes use these targets."
      />
      {!canEdit && (
        <Text size="sm" c="dimmed">
          Only an admin can change the targets.
        </Text>
      )}
      <SlaForm key={query.data.updatedAt ?? 'defaults'} settings={query.data} canEdit={canEdit} />
      <Text size="xs" c="dimmed">
        {query.data.updatedAt
          ? `Last changed ${formatDateTime(query.data.updatedAt)}`
          : 'The defaults of a new workspace.'}
      </Text>
    </Stack>
  );
}
