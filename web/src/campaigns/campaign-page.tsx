import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Campaign, skipReasons } from '../../../shared/campaigns/campaign';
import { campaignsRoutes } from '../../../shared/campaigns/campaigns-routes';
import { messageOf } from '../api/api-error';
import { useCan } from '../auth/permissions';
import { emailSettingsQuery } from '../email-settings/email-settings-queries';
import { lists } from '../lists/list-queries';
import { ConfirmAction } from '../records/confirm-action';
import { ConfirmDelete } from '../records/confirm-delete';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import {
  formatInZone,
  formatLocalDateTime,
  isRunning,
  notSentYet,
  skipReasonLabels,
} from './campaign-format';
import { CampaignProgressBar } from './campaign-progress';
import { campaignKeys, campaignQuery, useCampaignAction, useDeleteCampaign } from './campaign-queries';
import { CampaignRecipients } from './campaign-recipients';
import { CampaignReportSection, Figure } from './campaign-report';
import { CampaignStatusBadge } from './campaigns-page';

/** The live counters: followed every 2 s while the campaign prepares, sends or is paused. */
function LiveProgress({ campaign }: { campaign: Campaign }) {
  const { counters } = campaign;
  const left = notSentYet(campaign);
  return (
    <Stack gap="sm" component="section" aria-label="Progress">
      <Title order={2} size="h4">
        Progress
      </Title>
      <CampaignProgressBar campaign={campaign} />
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Figure label="Audience" value={counters.audience} testId="progress-audience" />
        <Figure label={left.label} value={left.count} testId="progress-waiting" />
        <Figure label="Sent" value={counters.sent} testId="progress-sent" />
        <Figure label="Skipped" value={counters.skipped} testId="progress-skipped" />
        <Figure label="Failed" value={counters.failed} testId="progress-failed" />
      </SimpleGrid>
      {counters.skipped > 0 && (
        <Table verticalSpacing={2} horizontalSpacing="xs" fz="sm" maw={420} aria-label="Skipped by reason">
          <Table.Tbody>
            {skipReasons.map((reason) => (
              <Table.Tr key={reason}>
                <Table.Td>{skipReasonLabels[reason]}</Table.Td>
                <Table.Td ta="right">{counters.skippedBy[reason] ?? 0}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function CampaignActions({ campaign }: { campaign: Campaign }) {
  const toast = useToast();
  const navigate = useNavigate();
  const canChange = useCan(campaignsRoutes.PauseCampaign);
  const pause = useCampaignAction(campaign.id, 'pause');
  const resume = useCampaignAction(campaign.id, 'resume');
  const cancel = useCampaignAction(campaign.id, 'cancel');
  const remove = useDeleteCampaign(campaign.id);
  if (!canChange) return null;
  const { status } = campaign;
  const failure = pause.error ?? resume.error;
  return (
    <>
      {(status === 'draft' || status === 'scheduled') && (
        <Button
          component={Link}
          to={`/email/campaigns/${campaign.id}/edit`}
          leftSection={<IconPencil size={16} />}
        >
          Edit
        </Button>
      )}
      {(status === 'preparing' || status === 'sending') && (
        <Button
          variant="default"
          leftSection={<IconPlayerPause size={16} />}
          loading={pause.isPending}
          onClick={() => pause.mutate(undefined, { onSuccess: () => toast('Campaign paused') })}
        >
          Pause
        </Button>
      )}
      {status === 'paused' && (
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          loading={resume.isPending}
          onClick={() => resume.mutate(undefined, { onSuccess: () => toast('Campaign resumed') })}
        >
          Resume
        </Button>
      )}
      {(status === 'scheduled' || isRunning(status)) && (
        <ConfirmAction
          label="Cancel campaign"
          icon={<IconX size={16} />}
          title="Cancel this campaign?"
          confirmLabel="Cancel campaign"
          pending={cancel.isPending}
          error={cancel.error}
          onConfirm={(close) =>
            cancel.mutate(undefined, {
              onSuccess: () => {
                toast('Campaign cancelled');
                close();
              },
            })
          }
        >
          <Text size="sm">
            Who has not been sent the message yet gets nothing ({campaign.counters.sent} sent so far). A
            cancelled campaign cannot be resumed.
          </Text>
        </ConfirmAction>
      )}
      {(status === 'draft' || status === 'scheduled' || status === 'cancelled') && (
        <ConfirmDelete
          what="campaign"
          name={campaign.name}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                toast(`${campaign.name} deleted`);
                navigate('/email/campaigns', { replace: true });
              },
            })
          }
        />
      )}
      {failure ? (
        <Text size="sm" c="red" role="alert">
          {messageOf(failure)}
        </Text>
      ) : null}
    </>
  );
}

function Summary({ campaign, timeZone }: { campaign: Campaign; timeZone: string | undefined }) {
  const listQuery = useQuery(lists.listQuery());
  const listName = (id: string) => listQuery.data?.find((list) => list.id === id)?.name ?? 'A removed list';
  const excluded = campaign.audience.exclude.map((exclusion) =>
    exclusion.kind === 'list' ? listName(exclusion.listId) : `tag “${exclusion.tag}”`,
  );
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={4}>
        <Text size="sm">
          <Text span c="dimmed">
            To:{' '}
          </Text>
          {campaign.audience.include.map((source) => listName(source.listId)).join(', ')}
          {excluded.length > 0 && ` — leaving out ${excluded.join(', ')}`}
        </Text>
        {campaign.subject && (
          <Text size="sm">
            <Text span c="dimmed">
              Subject (merged for each recipient):{' '}
            </Text>
            {campaign.subject}
          </Text>
        )}
        {campaign.schedule && (
          <Text size="sm">
            <Text span c="dimmed">
              {campaign.status === 'scheduled' ? 'Goes out: ' : 'Scheduled for: '}
            </Text>
            {formatLocalDateTime(campaign.schedule.sendAt)} ({campaign.schedule.timeZone})
          </Text>
        )}
        {campaign.startedAt && (
          <Text size="sm" c="dimmed">
            Started {formatInZone(campaign.startedAt, timeZone)}
            {campaign.completedAt && `, finished ${formatInZone(campaign.completedAt, timeZone)}`}
            {campaign.cancelledAt && `, cancelled ${formatInZone(campaign.cancelledAt, timeZone)}`}
            {timeZone && ` (${timeZone})`}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** When the campaign's state changes (sending → sent), its report and recipients are read again at once. */
function useFreshFiguresOnChange(campaignId: string, status: Campaign['status'] | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current !== undefined && seen.current !== status) {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.report(campaignId) });
      void queryClient.invalidateQueries({ queryKey: [...campaignKeys.detail(campaignId), 'recipients'] });
    }
    seen.current = status;
  }, [queryClient, campaignId, status]);
}

/**
 * One campaign: what it sends to whom, its live progress while it runs (pause, resume, cancel), then its
 * report and its recipients by status.
 */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const query = useQuery(campaignQuery(campaignId));
  const settings = useQuery(emailSettingsQuery());
  useFreshFiguresOnChange(campaignId, query.data?.status);
  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError
        error={query.error}
        what="campaign"
        backTo="/email/campaigns"
        onRetry={() => query.refetch()}
      />
    );
  }
  const campaign = query.data;
  const timeZone = settings.data?.timeZone;
  const started = campaign.status !== 'draft' && campaign.status !== 'scheduled';
  return (
    <Stack gap="lg" maw={1080}>
      <BackLink to="/email/campaigns">Campaigns</BackLink>
      <PageHeader
        title={campaign.name}
        description={
          <Group gap="xs">
            <CampaignStatusBadge campaign={campaign} />
          </Group>
        }
        actions={<CampaignActions campaign={campaign} />}
      />
      <Summary campaign={campaign} timeZone={timeZone} />
      {started && <LiveProgress campaign={campaign} />}
      {started && <CampaignReportSection campaign={campaign} timeZone={timeZone} />}
      {started && <CampaignRecipients campaign={campaign} />}
    </Stack>
  );
}
