import { Group, Progress, Text } from '@mantine/core';
import type { Campaign } from '../../../shared/campaigns/campaign';
import { percentOf } from './campaign-format';

/** Sent (and failed) of the queued recipients, as a bar and in words. */
export function CampaignProgressBar({ campaign, size = 'md' }: { campaign: Campaign; size?: 'sm' | 'md' }) {
  const { queued, sent, failed } = campaign.counters;
  const done = sent + failed;
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Progress.Root size={size === 'sm' ? 'sm' : 'lg'} style={{ flex: 1, minWidth: 60 }}>
        <Progress.Section value={percentOf(sent, queued)} color="green" aria-label={`${sent} sent`} />
        <Progress.Section value={percentOf(failed, queued)} color="red" aria-label={`${failed} failed`} />
      </Progress.Root>
      <Text size={size === 'sm' ? 'xs' : 'sm'} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {done} / {queued}
      </Text>
    </Group>
  );
}
