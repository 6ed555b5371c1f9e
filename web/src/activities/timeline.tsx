import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Menu,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Title,
  Typography,
} from '@mantine/core';
import {
  IconCalendarEvent,
  IconCurrencyDollar,
  IconDots,
  IconHistory,
  IconMail,
  IconNote,
  IconPencil,
  IconPhone,
  IconShoppingBag,
  IconTicket,
  IconTimeline,
  IconTrash,
} from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Activity } from '../../../shared/activities/activity';
import type { TimelineEntry, TimelineEntryType } from '../../../shared/activities/timeline-entry';
import type { CampaignEmailEntry } from '../../../shared/email/campaign-email-entry';
import { useSessionState } from '../auth/session-store';
import { personalLinkName } from '../campaigns/campaign-format';
import { formatMoney } from '../deals/money-format';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import classes from '../records/record-list.module.css';
import { formatDateTime } from '../ui/format';
import { useToast } from '../ui/toaster';
import { ActivityComposer } from './activity-composer';
import { ActivityForm } from './activity-form';
import { activityBodyOf, callOutcomeLabels, valuesOfActivity } from './activity-form-values';
import { SubmissionCard } from './contact-submissions';
import { AttendeeList } from './meeting-attendees';
import renderedText from './rendered-text.module.css';
import {
  revisionsQuery,
  type TimelineOwner,
  timelineQuery,
  useDeleteActivity,
  useEditActivity,
} from './timeline-queries';

/** The type filter chips: one type at a time, or everything. */
const filters: { value: TimelineEntryType | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'note', label: 'Notes' },
  { value: 'call', label: 'Calls' },
  { value: 'meeting', label: 'Meetings' },
  { value: 'email', label: 'Emails' },
  { value: 'form.submitted', label: 'Forms' },
  { value: 'order.placed', label: 'Orders' },
  { value: 'ticket.opened', label: 'Tickets opened' },
  { value: 'deal.stage_changed', label: 'Deal moves' },
  { value: 'campaign_email.sent', label: 'Campaign email' },
];

type CampaignEmailType = CampaignEmailEntry['type'];

/** The timeline filters one type at a time: the campaign email chip then picks which of its kinds. */
const campaignEmailKinds: { value: CampaignEmailType; label: string }[] = [
  { value: 'campaign_email.sent', label: 'Sent' },
  { value: 'campaign_email.opened', label: 'Opened' },
  { value: 'campaign_email.clicked', label: 'Clicked' },
  { value: 'campaign_email.bounced', label: 'Bounced' },
  { value: 'campaign_email.complained', label: 'Marked as spam' },
  { value: 'campaign_email.unsubscribed', label: 'Unsubscribed' },
];

const isCampaignEmailType = (type: string): type is CampaignEmailType => type.startsWith('campaign_email.');
const isCampaignEmail = (entry: TimelineEntry): entry is CampaignEmailEntry =>
  isCampaignEmailType(entry.type);

const bounceTypeLabels: Record<string, string> = {
  Permanent: 'permanent (the address does not exist or refuses mail)',
  Transient: 'temporary (a full mailbox or a server problem)',
  Undetermined: 'of an unknown kind',
};

/** Only web links are followed from a click's recorded URL. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/** A campaign mail and what its contact did with it: the campaign (linked), the subject, the link, the bounce. */
function CampaignEmailContent({ entry }: { entry: CampaignEmailEntry }) {
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Anchor component={Link} to={`/email/campaigns/${entry.campaignId}`} inherit>
          {entry.campaignName}
        </Anchor>
        {entry.subject ? ` · ${entry.subject}` : ''}
      </Text>
      {entry.url && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Link:{' '}
          {personalLinkName(entry.url) ??
            (isWebLink(entry.url) ? (
              <Anchor href={entry.url} target="_blank" rel="noopener noreferrer" inherit>
                {entry.url}
              </Anchor>
            ) : (
              entry.url
            ))}
        </Text>
      )}
      {entry.bounceType && (
        <Text size="sm">Bounce: {bounceTypeLabels[entry.bounceType] ?? entry.bounceType}</Text>
      )}
    </Stack>
  );
}

const isActivity = (entry: TimelineEntry): entry is Activity =>
  entry.type === 'note' || entry.type === 'call' || entry.type === 'meeting' || entry.type === 'email';

const durationOf = (seconds: number) =>
  seconds < 60
    ? `${seconds} s`
    : `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;

/** HTML the server rendered from markdown (raw HTML escaped, unsafe links dropped): shown as it is. */
function RenderedText({ html }: { html: string }) {
  return (
    <Typography fz="sm" className={renderedText.text} style={{ overflowWrap: 'anywhere' }}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and made safe on the server (shared/activities/render-markdown.ts) */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

/** What an activity says, by type. */
function ActivityContent({ activity }: { activity: Activity }) {
  switch (activity.type) {
    case 'note':
      return <RenderedText html={activity.bodyHtml} />;
    case 'call':
      return (
        <Stack gap={4}>
          <Text size="sm">
            {activity.direction === 'inbound' ? 'Inbound' : 'Outbound'} call ·{' '}
            {callOutcomeLabels[activity.outcome]} · {durationOf(activity.durationSeconds)}
          </Text>
          {activity.notesHtml && <RenderedText html={activity.notesHtml} />}
        </Stack>
      );
    case 'meeting':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {activity.title}
          </Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(activity.startsAt)} – {formatDateTime(activity.endsAt)}
            {activity.location ? ` · ${activity.location}` : ''}
          </Text>
          <AttendeeList attendees={activity.attendees} />
          {activity.notesHtml && <RenderedText html={activity.notesHtml} />}
        </Stack>
      );
    case 'email':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {activity.direction === 'sent' ? 'Sent: ' : 'Received: '}
            {activity.subject}
          </Text>
          <RenderedText html={activity.bodyHtml} />
        </Stack>
      );
  }
}

const labels: Record<TimelineEntry['type'], { label: string; icon: typeof IconNote }> = {
  note: { label: 'Note', icon: IconNote },
  call: { label: 'Call', icon: IconPhone },
  meeting: { label: 'Meeting', icon: IconCalendarEvent },
  email: { label: 'Email', icon: IconMail },
  'form.submitted': { label: 'Form submitted', icon: IconNote },
  'order.placed': { label: 'Order placed', icon: IconShoppingBag },
  'ticket.opened': { label: 'Ticket opened', icon: IconTicket },
  'ticket.resolved': { label: 'Ticket resolved', icon: IconTicket },
  'ticket.reopened': { label: 'Ticket reopened', icon: IconTicket },
  'deal.created': { label: 'Deal created', icon: IconCurrencyDollar },
  'deal.stage_changed': { label: 'Deal moved', icon: IconCurrencyDollar },
  'deal.won': { label: 'Deal won', icon: IconCurrencyDollar },
  'deal.lost': { label: 'Deal lost', icon: IconCurrencyDollar },
  'campaign_email.sent': { label: 'Campaign email sent', icon: IconMail },
  'campaign_email.opened': { label: 'Campaign email opened', icon: IconMail },
  'campaign_email.clicked': { label: 'Campaign link clicked', icon: IconMail },
  'campaign_email.bounced': { label: 'Campaign email bounced', icon: IconMail },
  'campaign_email.complained': { label: 'Marked as spam', icon: IconMail },
  'campaign_email.unsubscribed': { label: 'Unsubscribed', icon: IconMail },
};

/** The earlier contents of an edited activity, newest first. */
function History({ activity }: { activity: Activity }) {
  const revisions = useQuery(revisionsQuery(activity));
  if (revisions.isPending) return <ListSkeleton rows={2} />;
  if (revisions.isError) return <LoadError error={revisions.error} onRetry={() => revisions.refetch()} />;
  if (revisions.data.items.length === 0) return <Text size="sm">Never edited.</Text>;
  return (
    <Stack gap="sm" component="ol" className={classes.list} aria-label="Earlier versions">
      {revisions.data.items.map((revision) => (
        <li key={`${revision.version}-${revision.replacedAt}`}>
          <Paper withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed" mb={4}>
              Version {revision.version}, replaced {formatDateTime(revision.replacedAt)}
            </Text>
            <ActivityContent activity={revision.content} />
          </Paper>
        </li>
      ))}
    </Stack>
  );
}

/** Edit, history and delete of an activity, for its author and admins. */
function ActivityActions({ activity }: { activity: Activity }) {
  const [dialog, setDialog] = useState<'edit' | 'history' | 'delete' | null>(null);
  const edit = useEditActivity();
  const remove = useDeleteActivity();
  const toast = useToast();
  const close = () => setDialog(null);
  const label = labels[activity.type].label;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for this ${label.toLowerCase()}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog('edit')}>
            Edit
          </Menu.Item>
          <Menu.Item leftSection={<IconHistory size={14} />} onClick={() => setDialog('history')}>
            History
          </Menu.Item>
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDialog('delete')}>
            Delete
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={dialog === 'edit'} onClose={close} title={`Edit ${label.toLowerCase()}`}>
        <ActivityForm
          initial={valuesOfActivity(activity)}
          forEdit
          submitLabel="Save changes"
          onCancel={close}
          onSubmit={async (values) => {
            await edit.mutateAsync({ activity, edit: activityBodyOf(values, true) });
            toast(`${label} saved`);
            close();
          }}
        />
      </Modal>
      <Modal opened={dialog === 'history'} onClose={close} title="Earlier versions">
        <History activity={activity} />
      </Modal>
      <Modal opened={dialog === 'delete'} onClose={close} title={`Delete this ${label.toLowerCase()}?`}>
        <Stack gap="md">
          <Text size="sm">It and its earlier versions are deleted for good.</Text>
          {remove.error && (
            <Text size="sm" c="red" role="alert">
              {remove.error.message}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(activity, {
                  onSuccess: () => {
                    toast(`${label} deleted`);
                    close();
                  },
                })
              }
            >
              Delete {label.toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One entry: what it is, when, and what it says. */
function EntryView({ entry, owner }: { entry: TimelineEntry; owner: TimelineOwner }) {
  const { session } = useSessionState();
  const { label, icon: Icon } = labels[entry.type];
  const mine = isActivity(entry) && entry.authorId === session?.user.userId;
  const mayChange = isActivity(entry) && (mine || session?.user.roles.includes('admin'));
  const fromContact = owner.kind === 'company' && entry.contactId;
  return (
    <Paper withBorder radius="md" p="sm" data-entry-type={entry.type}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="wrap">
            <Icon size={18} aria-hidden />
            <Text fw={600} size="sm">
              {label}
            </Text>
            {fromContact && (
              <Badge variant="light" color="gray" tt="none" size="sm">
                from a contact
              </Badge>
            )}
            {isActivity(entry) && entry.editedAt && (
              <Text size="xs" c="dimmed">
                (edited)
              </Text>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
            </Text>
            {mayChange && <ActivityActions activity={entry} />}
          </Group>
        </Group>
        {isActivity(entry) && (
          <>
            <ActivityContent activity={entry} />
            <Text size="xs" c="dimmed">
              {mine ? 'Logged by you' : 'Logged by a colleague'}
            </Text>
          </>
        )}
        {entry.type === 'form.submitted' && <SubmissionCard activity={entry} />}
        {isCampaignEmail(entry) && <CampaignEmailContent entry={entry} />}
        {entry.type === 'order.placed' && (
          <Text size="sm">
            Order {entry.number ?? entry.orderId} · {entry.total} {entry.currency} · {entry.source}
          </Text>
        )}
        {(entry.type === 'ticket.opened' ||
          entry.type === 'ticket.resolved' ||
          entry.type === 'ticket.reopened') && (
          <Text size="sm">
            {entry.subject} · {entry.priority} · {entry.status}
          </Text>
        )}
        {(entry.type === 'deal.created' ||
          entry.type === 'deal.stage_changed' ||
          entry.type === 'deal.won' ||
          entry.type === 'deal.lost') && (
          <Text size="sm">
            <Anchor component={Link} to={`/deals/${entry.dealId}`} inherit>
              {entry.name}
            </Anchor>{' '}
            · {formatMoney(entry.amount, entry.currency)} ·{' '}
            {entry.type === 'deal.stage_changed' && entry.fromStageName
              ? `${entry.fromStageName} → ${entry.stageName}`
              : entry.stageName}
            {entry.lostReason ? ` · ${entry.lostReason}` : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The timeline of a contact or a company, newest first: a composer to log an activity, chips that filter
 * by type, each entry rendered by its type, and "Load more" for older ones. A company's timeline holds
 * its contacts' entries too; its filtered pages may come back short, so "Load more" stays while there
 * are more.
 */
export function Timeline({ owner }: { owner: TimelineOwner }) {
  const titleId = useId();
  const [filter, setFilter] = useState<TimelineEntryType | 'all'>('all');
  const timeline = useInfiniteQuery(timelineQuery(owner, filter === 'all' ? undefined : filter));
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Title order={2} size="h4" id={titleId}>
        Timeline
      </Title>
      <ActivityComposer owner={owner} />
      <Chip.Group
        value={isCampaignEmailType(filter) ? 'campaign_email.sent' : filter}
        onChange={(value) => setFilter(value as TimelineEntryType | 'all')}
      >
        <Group gap={6} role="group" aria-label="Show only">
          {filters.map(({ value, label }) => (
            <Chip key={value} value={value} size="xs">
              {label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {isCampaignEmailType(filter) && (
        <Select
          label="Campaign email"
          size="xs"
          w={{ base: '100%', xs: 200 }}
          data={campaignEmailKinds}
          value={filter}
          allowDeselect={false}
          onChange={(value) => value && setFilter(value as CampaignEmailType)}
        />
      )}
      {timeline.isPending ? (
        <ListSkeleton rows={3} />
      ) : timeline.isError ? (
        <LoadError error={timeline.error} onRetry={() => timeline.refetch()} />
      ) : entries.length === 0 && !timeline.hasNextPage ? (
        <ListEmpty
          icon={<IconTimeline />}
          title="Nothing on the timeline yet"
          description="Log a note (press n), a call, a meeting or an email. Form submissions and orders show here too."
        />
      ) : (
        <Stack gap="xs" component="ol" className={classes.list} aria-label="Timeline entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <EntryView entry={entry} owner={owner} />
            </li>
          ))}
        </Stack>
      )}
      {timeline.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => timeline.fetchNextPage()}
            loading={timeline.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
