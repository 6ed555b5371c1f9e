import { Badge, Button, Stack, Text } from '@mantine/core';
import { IconMail, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Campaign } from '../../../shared/campaigns/campaign';
import { campaignsRoutes } from '../../../shared/campaigns/campaigns-routes';
import { useCan } from '../auth/permissions';
import { EmailSettingsMissing } from '../email-settings/email-settings-missing';
import { emailSettingsQuery } from '../email-settings/email-settings-queries';
import { CursorPager } from '../records/cursor-pager';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { SettingsList } from '../records/settings-list';
import { useCursorPages } from '../records/use-cursor-pages';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { formatLocalDateTime, isRunning, statusLabels } from './campaign-format';
import { CampaignProgressBar } from './campaign-progress';
import { campaignsQuery } from './campaign-queries';
import { WorkspaceDeliverability } from './deliverability-card';

export function CampaignStatusBadge({ campaign }: { campaign: Pick<Campaign, 'status'> }) {
  const { label, color } = statusLabels[campaign.status];
  return (
    <Badge variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}

/** When it went or goes: the schedule in the workspace's zone, or when it started or finished. */
function When({ campaign }: { campaign: Campaign }) {
  if (campaign.status === 'scheduled' && campaign.schedule) {
    return (
      <>
        {formatLocalDateTime(campaign.schedule.sendAt)} ({campaign.schedule.timeZone})
      </>
    );
  }
  const at = campaign.completedAt ?? campaign.cancelledAt ?? campaign.startedAt;
  return at ? (
    formatDateTime(at)
  ) : (
    <Text c="dimmed" span size="sm">
      —
    </Text>
  );
}

function Progress({ campaign }: { campaign: Campaign }) {
  if (campaign.status === 'draft' || campaign.status === 'scheduled') {
    return (
      <Text c="dimmed" span size="sm">
        Not sent yet
      </Text>
    );
  }
  if (isRunning(campaign.status) || campaign.counters.queued > 0) {
    return <CampaignProgressBar campaign={campaign} size="sm" />;
  }
  return <>{campaign.counters.sent} sent</>;
}

const columns = [
  { header: 'Status', cell: (campaign: Campaign) => <CampaignStatusBadge campaign={campaign} /> },
  { header: 'Progress', cell: (campaign: Campaign) => <Progress campaign={campaign} /> },
  { header: 'When', cell: (campaign: Campaign) => <When campaign={campaign} /> },
];

/**
 * The campaigns, newest first, with their state and progress (followed every 2 s while one runs), under
 * the workspace's deliverability: bounce and complaint rates against SES's review thresholds.
 */
export function CampaignsPage() {
  const pages = useCursorPages();
  const query = useQuery(campaignsQuery({ cursor: pages.cursor }));
  const canCreate = useCan(campaignsRoutes.CreateCampaign);
  const settings = useQuery(emailSettingsQuery());
  const newButton = canCreate && (
    <Button component={Link} to="/email/campaigns/new" leftSection={<IconPlus size={16} />}>
      New campaign
    </Button>
  );
  return (
    <Stack gap="lg" maw={1080}>
      <PageHeader
        title="Campaigns"
        description="Marketing email to your lists, sent once to each contact who agreed to receive it."
        actions={newButton}
      />
      {settings.data === null && <EmailSettingsMissing />}
      <WorkspaceDeliverability />
      {query.isPending ? (
        <ListSkeleton rows={4} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} onRestart={pages.first} />
      ) : query.data.items.length === 0 && !pages.hasPrevious ? (
        <ListEmpty
          icon={<IconMail />}
          title="No campaign yet"
          description={
            canCreate
              ? 'Pick a list and a template, and send now or at a time of your choosing.'
              : 'An admin or a member of the marketing team creates campaigns.'
          }
          action={newButton}
        />
      ) : (
        <>
          <SettingsList
            items={query.data.items}
            label="Campaigns"
            keyOf={(campaign) => campaign.id}
            titleOf={(campaign) => campaign.name}
            linkOf={(campaign) => `/email/campaigns/${campaign.id}`}
            subtitleOf={(campaign) => campaign.subject}
            columns={columns}
          />
          <CursorPager
            pages={pages}
            nextCursor={query.data.nextCursor}
            loading={query.isFetching}
            label="Campaigns"
          />
        </>
      )}
    </Stack>
  );
}
