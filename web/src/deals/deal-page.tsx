import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrophy, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type * as z from 'zod/mini';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import type { Deal, DealPatch } from '../../../shared/deals/deal';
import type { Pipeline } from '../../../shared/deals/pipeline';
import { messageOf } from '../api/api-error';
import { companyQuery } from '../companies/company-queries';
import { ContactPicker } from '../contacts/contact-picker';
import { contactQuery } from '../contacts/contact-queries';
import { ConfirmDelete } from '../records/confirm-delete';
import { DetailItem, DetailList, DetailSection } from '../records/detail-section';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { EditDialog } from '../records/edit-dialog';
import { TagBadges } from '../records/tag-badges';
import { RecordTasks } from '../tasks/record-tasks';
import { MemberName } from '../team/member-name';
import { MemberPicker } from '../team/member-picker';
import { formatDuration } from '../tickets/ticket-format';
import { BackLink } from '../ui/back-link';
import { formatCalendarDate, formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { DealCustomFields } from './deal-custom-fields';
import { DealForm } from './deal-form';
import { describeHistoryEntry, timeInStages } from './deal-history';
import {
  dealHistoryQuery,
  dealQuery,
  lostReasonsQuery,
  pipelinesQuery,
  useDeleteDeal,
  useUpdateDeal,
} from './deal-queries';
import { formatMoney } from './money-format';

const statusColors = { open: 'blue', won: 'teal', lost: 'gray' } as const;

export function DealStatusBadge({ status }: { status: Deal['status'] }) {
  return (
    <Badge color={statusColors[status]} variant="light">
      {status === 'open' ? 'Open' : status === 'won' ? 'Won' : 'Lost'}
    </Badge>
  );
}

function ContactLink({ contactId }: { contactId: string }) {
  const contact = useQuery(contactQuery(contactId));
  return (
    <Anchor component={Link} to={`/contacts/${contactId}`} size="sm">
      {contact.data
        ? contactDisplayName(contact.data) || 'Contact'
        : contact.isError
          ? 'A removed contact'
          : '…'}
    </Anchor>
  );
}

function CompanyLink({ companyId }: { companyId: string }) {
  const company = useQuery(companyQuery(companyId));
  return (
    <Anchor component={Link} to={`/companies/${companyId}`} size="sm">
      {company.data?.name ?? (company.isError ? 'A removed company' : '…')}
    </Anchor>
  );
}

/** "Lost": the reason is one of the workspace's list (Settings → Pipelines). */
function LoseDeal({ onLose, pending }: { onLose(reason: string): void; pending: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  const reasons = useQuery(lostReasonsQuery());
  const [reason, setReason] = useState<string | null>(null);
  return (
    <>
      <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={open}>
        Lost
      </Button>
      <Modal opened={opened} onClose={close} title="Mark the deal lost" centered>
        <Stack gap="md">
          <Select
            label="Why was it lost?"
            data-autofocus
            data={reasons.data?.reasons ?? []}
            placeholder={reasons.isPending ? 'Loading…' : 'Pick a reason'}
            error={reasons.isError ? messageOf(reasons.error) : undefined}
            value={reason}
            onChange={setReason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={!reason}
              loading={pending}
              onClick={() => {
                if (reason) onLose(reason);
                close();
              }}
            >
              Mark lost
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Contacts({
  deal,
  onChange,
  pending,
}: {
  deal: Deal;
  onChange(patch: z.input<typeof DealPatch>, done: string): void;
  pending: boolean;
}) {
  const [adding, setAdding] = useState<string | null>(null);
  return (
    <DetailSection title="Contacts">
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" c="dimmed" w={80}>
            Primary
          </Text>
          {deal.primaryContactId ? (
            <ContactLink contactId={deal.primaryContactId} />
          ) : (
            <Text size="sm">—</Text>
          )}
        </Group>
        {deal.contactIds.map((id) => (
          <Group gap="xs" key={id} wrap="nowrap">
            <Text size="sm" c="dimmed" w={80}>
              Other
            </Text>
            <ContactLink contactId={id} />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label="Remove this contact from the deal"
              disabled={pending}
              onClick={() =>
                onChange({ contactIds: deal.contactIds.filter((other) => other !== id) }, 'Contact removed')
              }
            >
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <ContactPicker
            label="Add a contact"
            value={adding}
            onChange={setAdding}
            flex="1 1 220px"
            disabled={pending}
          />
          <Button
            variant="default"
            disabled={!adding || adding === deal.primaryContactId || deal.contactIds.includes(adding)}
            loading={pending}
            onClick={() => {
              if (!adding) return;
              onChange({ contactIds: [...deal.contactIds, adding] }, 'Contact added');
              setAdding(null);
            }}
          >
            Add
          </Button>
        </Group>
      </Stack>
    </DetailSection>
  );
}

function History({ deal, pipeline }: { deal: Deal; pipeline: Pipeline | undefined }) {
  const history = useQuery(dealHistoryQuery(deal.id));
  const stages = pipeline?.stages ?? [];
  if (history.isPending) return <DetailSection title="History">…</DetailSection>;
  if (history.isError)
    return (
      <DetailSection title="History">
        <Text c="red" size="sm">
          {messageOf(history.error)}
        </Text>
      </DetailSection>
    );
  const entries = history.data.items;
  const times = timeInStages(deal, entries, stages, Date.now());
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <DetailSection title="Time in each stage">
        <Table aria-label="Time in each stage" striped>
          <Table.Tbody>
            {times.map((row) => (
              <Table.Tr key={row.stageId}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td ta="right">
                  {formatDuration(row.ms / 1000)}
                  {row.current ? ' (so far)' : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </DetailSection>
      <DetailSection title="History">
        <Timeline bulletSize={14} lineWidth={2} aria-label="Deal history">
          {[...entries].reverse().map((entry) => (
            <Timeline.Item key={entry.id} title={describeHistoryEntry(entry, stages)}>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at)} · <MemberName memberId={entry.by} />
                {entry.timeInStageMs !== undefined &&
                  ` · ${formatDuration(entry.timeInStageMs / 1000)} in the stage`}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </DetailSection>
    </SimpleGrid>
  );
}

export function DealPage() {
  const { dealId = '' } = useParams();
  const toast = useToast();
  const navigate = useNavigate();
  const query = useQuery(dealQuery(dealId));
  const pipelines = useQuery(pipelinesQuery());
  const update = useUpdateDeal(dealId);
  const remove = useDeleteDeal(dealId);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError)
    return <DetailError error={query.error} what="deal" backTo="/deals" onRetry={() => query.refetch()} />;
  const deal = query.data;
  const pipeline = pipelines.data?.find((candidate) => candidate.id === deal.pipelineId);
  const stage = pipeline?.stages.find((candidate) => candidate.id === deal.stageId);
  const change = (patch: z.input<typeof DealPatch>, done: string) =>
    update.mutate({ version: deal.version, patch }, { onSuccess: () => toast(done) });

  return (
    <Stack gap="lg" maw={1080}>
      <BackLink to={`/deals?pipeline=${deal.pipelineId}`}>Deals</BackLink>
      <PageHeader
        title={deal.name}
        description={
          <Group gap="xs" wrap="wrap">
            <DealStatusBadge status={deal.status} />
            <Text size="sm" fw={600} c="var(--mantine-color-text)">
              {formatMoney(deal.amount, deal.currency)}
            </Text>
            <Text size="sm">
              {pipeline?.name ?? 'Pipeline'} · {stage?.name ?? 'Stage'}
              {deal.status === 'lost' && deal.lostReason ? ` · ${deal.lostReason}` : ''}
            </Text>
          </Group>
        }
        actions={
          <Group gap="sm" wrap="wrap">
            {deal.status === 'open' ? (
              <>
                <Button
                  color="teal"
                  leftSection={<IconTrophy size={16} />}
                  loading={update.isPending && update.variables?.patch.status === 'won'}
                  onClick={() => change({ status: 'won' }, 'Deal won')}
                >
                  Won
                </Button>
                <LoseDeal
                  pending={update.isPending}
                  onLose={(reason) => change({ status: 'lost', lostReason: reason }, 'Deal lost')}
                />
              </>
            ) : (
              <Button variant="default" onClick={() => change({ status: 'open' }, 'Deal reopened')}>
                Reopen
              </Button>
            )}
            <EditDialog title="Edit deal">{(close) => <DealForm deal={deal} onDone={close} />}</EditDialog>
            <ConfirmDelete
              what="deal"
              name={deal.name}
              pending={remove.isPending}
              error={remove.error}
              onConfirm={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    toast(`${deal.name} deleted`);
                    void navigate('/deals');
                  },
                })
              }
            />
          </Group>
        }
      />
      {update.isError && (
        <Alert color="red" title="Not saved" role="alert">
          {messageOf(update.error)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        <Select
          label="Pipeline"
          allowDeselect={false}
          disabled={update.isPending || deal.status !== 'open'}
          data={(pipelines.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={deal.pipelineId}
          onChange={(next) => {
            const target = pipelines.data?.find((candidate) => candidate.id === next);
            const first = target?.stages[0];
            if (target && first && target.id !== deal.pipelineId)
              change({ pipelineId: target.id, stageId: first.id }, `Moved to ${target.name}`);
          }}
        />
        <Select
          label="Stage"
          allowDeselect={false}
          disabled={update.isPending || deal.status !== 'open'}
          data={(pipeline?.stages ?? []).map((candidate) => ({
            value: candidate.id,
            label: `${candidate.name} (${candidate.probability} %)`,
          }))}
          value={deal.stageId}
          onChange={(next) => next && next !== deal.stageId && change({ stageId: next }, 'Stage changed')}
        />
        <MemberPicker
          label="Owner"
          offerMe
          clearable={false}
          allowDeselect={false}
          disabled={update.isPending}
          value={deal.ownerId}
          onChange={(next) => next && next !== deal.ownerId && change({ ownerId: next }, 'Owner changed')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailSection title="Details">
          <DetailList>
            <DetailItem label="Amount">{formatMoney(deal.amount, deal.currency)}</DetailItem>
            <DetailItem label="Expected close">
              {deal.expectedCloseDate ? formatCalendarDate(deal.expectedCloseDate) : ''}
            </DetailItem>
            <DetailItem label="Company">
              {deal.companyId ? <CompanyLink companyId={deal.companyId} /> : ''}
            </DetailItem>
            <DetailItem label="Tags">
              {deal.tags.length > 0 ? <TagBadges tags={deal.tags} max={20} /> : ''}
            </DetailItem>
            <DetailItem label="Status">
              {deal.status === 'open'
                ? `In ${stage?.name ?? 'its stage'} since ${formatDateTime(deal.stageEnteredAt)}`
                : `${deal.status === 'won' ? 'Won' : 'Lost'} ${deal.closedAt ? formatDateTime(deal.closedAt) : ''}`}
            </DetailItem>
          </DetailList>
        </DetailSection>
        <Contacts deal={deal} onChange={change} pending={update.isPending} />
      </SimpleGrid>
      <DealCustomFields deal={deal} />
      <History deal={deal} pipeline={pipeline} />
      <RecordTasks key={`${deal.id}-tasks`} kind="deal" id={deal.id} />
      <Text size="xs" c="dimmed">
        Created {formatDateTime(deal.createdAt)} · Updated {formatDateTime(deal.updatedAt)} · Version{' '}
        {deal.version}
      </Text>
    </Stack>
  );
}
